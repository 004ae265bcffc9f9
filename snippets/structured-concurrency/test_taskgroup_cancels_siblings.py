"""What any run of the TaskGroup and gather programs must show."""

from pathlib import Path

from sitebuild.running import Run
from sitebuild.timeline import boxes

HERE = Path(__file__).parent
SNIPPETS = [
    HERE / "taskgroup_cancels_siblings.py",
    HERE / "gather_leaves_siblings_running.py",
]


def test_a_failure_cancels_the_siblings_in_a_group_only(
    snippet: Path, run: Run
) -> None:
    jobs = {box.lane: box for box in boxes(run.output)}
    assert sorted(jobs) == ["a", "b", "c"]
    assert jobs["b"].note == "failed"
    if snippet.name.startswith("taskgroup"):
        for sibling in ("a", "c"):  # cancelled when b failed, not later
            assert jobs[sibling].note == "cancelled"
            # within one rounding step of b's failure: not at 0.5 or 1.0 s
            assert abs(jobs[sibling].end - jobs["b"].end) <= 0.1
    else:
        for sibling in ("a", "c"):  # nobody cancelled them: they ran past b
            assert jobs[sibling].note == ""
            assert jobs[sibling].end > jobs["b"].end
