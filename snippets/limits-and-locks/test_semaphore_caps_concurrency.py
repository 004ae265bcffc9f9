"""What any run of semaphore_caps_concurrency.py must show."""

from pathlib import Path

from sitebuild.running import Run
from sitebuild.timeline import boxes

SNIPPETS = [Path(__file__).with_name("semaphore_caps_concurrency.py")]


def test_never_more_than_three_fetches_at_once(run: Run) -> None:
    spans = boxes(run.output)
    assert sorted(box.lane for box in spans) == sorted(
        f"page {n}" for n in range(1, 9)
    )
    for moment in {box.start for box in spans}:
        running = [box for box in spans if box.start <= moment < box.end]
        assert len(running) <= 3, f"at {moment} s: {running}"


def test_the_limit_is_used(run: Run) -> None:
    """Three run at once at the start: it limits, it does not serialise."""
    assert sum(box.start == 0 for box in boxes(run.output)) == 3
