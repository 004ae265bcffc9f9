"""Invariants of the worker model, on fresh runs of workers_and_queue.py.

The recording pins one run's exact text; these checks state what must hold
for any correct run of the program, whatever the order of events. The last
one runs the program with a failing job injected, as a real process.
"""

import re
import subprocess
from collections import Counter
from pathlib import Path

from sitebuild.environments import SnippetPython
from sitebuild.running import Run, environment, scratch_folder

SNIPPETS = [Path(__file__).with_name("workers_and_queue.py")]
"""The snippet these tests check, on every version (see conftest.py)."""
EVENT = re.compile(
    r"^(?P<worker>worker-\d) (?P<what>starts|finished) job (?P<job>\d+)",
    re.MULTILINE,
)


def events_in(output: str) -> list[tuple[str, str, int]]:
    return [
        (m["worker"], m["what"], int(m["job"])) for m in EVENT.finditer(output)
    ]


def events(result: Run) -> list[tuple[str, str, int]]:
    return events_in(result.output)


def test_each_of_ten_jobs_starts_and_finishes_once(run: Run) -> None:
    seen = Counter((what, job) for _, what, job in events(run))
    expected = {
        (what, job): 1
        for what in ("starts", "finished")
        for job in range(1, 11)
    }
    assert seen == expected


def test_a_job_finishes_on_the_worker_that_started_it(run: Run) -> None:
    started_by = {
        job: worker for worker, what, job in events(run) if what == "starts"
    }
    for worker, what, job in events(run):
        if what == "finished":
            assert started_by[job] == worker


def test_no_worker_runs_two_jobs_at_once(run: Run) -> None:
    current: dict[str, int | None] = {}
    for worker, what, job in events(run):
        if what == "starts":
            assert current.get(worker) is None, (
                f"{worker} starts job {job} while busy"
            )
            current[worker] = job
        else:
            assert current.get(worker) == job
            current[worker] = None
    assert set(current) == {"worker-1", "worker-2", "worker-3"}
    assert all(job is None for job in current.values())


def test_workers_end_cancelled_and_no_job_failed(run: Run) -> None:
    assert run.output.endswith("workers cancelled: True\nfailed jobs: none\n")
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


def test_a_failing_job_is_reported(
    snippet: Path, snippet_python: SnippetPython, tmp_path: Path
) -> None:
    """With its fourth job made to fail: reported, the rest done, exit 1."""
    driver = tmp_path / "inject_a_failing_job.py"
    driver.write_text(INJECT_A_FAILING_JOB, "utf-8")
    with scratch_folder() as (scratch, _):
        done = subprocess.run(
            [str(snippet_python.python), str(driver), str(snippet)],
            env=environment(snippet_python.python.parent, scratch),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    output = done.stdout + done.stderr
    assert re.search(
        r"^worker-\d failed job 4: OSError\('disk full'\)$", output, re.M
    ), output
    finished = sorted(
        job for _, what, job in events_in(output) if what == "finished"
    )
    assert finished == [1, 2, 3, 5, 6, 7, 8, 9, 10]
    assert output.endswith("workers cancelled: True\nfailed jobs: [4]\n"), (
        output
    )
    assert done.returncode == 1
