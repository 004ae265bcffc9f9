"""Invariants of the worker model, on fresh runs of workers_and_queue.py.

The recording pins one run's exact text; these checks state what must hold
for any correct run of the program, whatever the order of events. The last
one runs the program with a failing job injected, as a real process (on
every version at once).
"""

import contextlib
import itertools
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitebuild.environments import SnippetPython
from sitebuild.running import Run, environment, scratch_folder
from sitebuild.timeline import Box, boxes

SNIPPETS = [Path(__file__).with_name("workers_and_queue.py")]
"""The snippet these tests check, on every version (see conftest.py)."""
STARTS = re.compile(r"^(?P<worker>worker-\d) starts job (?P<job>\d+) ", re.M)


def started_by(output: str) -> dict[int, str]:
    return {int(m["job"]): m["worker"] for m in STARTS.finditer(output)}


def jobs(output: str) -> dict[int, Box]:
    """Each job's box (its measured start and end), by job number."""
    found = {int(box.label.removeprefix("job ")): box for box in boxes(output)}
    assert len(found) == len(boxes(output)), "a job reported twice"
    return found


def test_each_of_ten_jobs_runs_once_on_the_worker_that_took_it(
    run: Run,
) -> None:
    done = jobs(run.output)
    assert sorted(done) == list(range(1, 11))
    assert started_by(run.output) == {
        job: box.lane for job, box in done.items()
    }


def test_no_worker_runs_two_jobs_at_once(run: Run) -> None:
    lanes: dict[str, list[Box]] = {}
    for box in jobs(run.output).values():
        lanes.setdefault(box.lane, []).append(box)
    assert sorted(lanes) == ["worker-1", "worker-2", "worker-3"]
    for worker, taken in lanes.items():
        taken.sort(key=lambda box: box.start)
        for before, after in itertools.pairwise(taken):
            assert before.end <= after.start, (
                f"{worker}: {before} overlaps {after}"
            )


def test_workers_end_cancelled_and_no_job_failed(run: Run) -> None:
    assert run.output.endswith("workers cancelled: True\nfailed jobs: none\n")
    assert not any(box.note for box in jobs(run.output).values())
    assert run.exit_status == 0


INJECT_A_FAILING_JOB = """
import asyncio
import importlib.util
import sys

spec = importlib.util.spec_from_file_location("program", sys.argv[1])
program = importlib.util.module_from_spec(spec)
spec.loader.exec_module(program)  # defines everything; runs nothing
do_job = program.do_job


async def fourth_job_fails(job: int, seconds: float) -> None:
    if job == 4:
        raise OSError("disk full")
    await do_job(job, seconds)


program.do_job = fourth_job_fails
sys.exit(asyncio.run(program.main()))
"""


@pytest.fixture(scope="module")
def failing_job_runs(
    pythons: tuple, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[tuple[Path, str], subprocess.Popen[str]]]:
    """The program with its fourth job made to fail, on every version found,
    all started at once: each run mostly waits for its jobs' sleeps."""
    found, _ = pythons
    driver = tmp_path_factory.mktemp("driver") / "inject_a_failing_job.py"
    driver.write_text(INJECT_A_FAILING_JOB, "utf-8")
    with contextlib.ExitStack() as stack:
        started = {}
        for snippet, (version, python) in itertools.product(
            SNIPPETS, found.items()
        ):
            scratch, _ = stack.enter_context(scratch_folder())
            started[snippet, version] = stack.enter_context(
                subprocess.Popen(
                    [str(python.python), str(driver), str(snippet)],
                    env=environment(python.python.parent, scratch),
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
            )
        yield started


def test_a_failing_job_is_reported(
    snippet: Path,
    snippet_python: SnippetPython,
    failing_job_runs: dict[tuple[Path, str], subprocess.Popen[str]],
) -> None:
    """With its fourth job made to fail: reported, the rest done, exit 1."""
    process = failing_job_runs[snippet, snippet_python.version]
    stdout, stderr = process.communicate(timeout=60)
    output = stdout + stderr
    failure = re.compile(
        r"^worker-\d failed job 4: OSError\('disk full'\)$", re.M
    )
    assert failure.search(output), output
    done_jobs = jobs(output)
    assert sorted(done_jobs) == list(range(1, 11))
    assert [job for job, box in done_jobs.items() if box.note] == [4]
    assert done_jobs[4].note == "failed"
    assert output.endswith("workers cancelled: True\nfailed jobs: [4]\n")
    assert process.returncode == 1
