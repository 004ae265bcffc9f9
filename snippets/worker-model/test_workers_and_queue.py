"""Invariants of the worker model, checked on a fresh run of workers_and_queue.py.

The recording pins one run's exact text; these checks state what must hold
for any correct run of the program, whatever the order of events.
"""

import re
from collections import Counter
from pathlib import Path

from sitebuild.running import Run

SNIPPETS = [Path(__file__).with_name("workers_and_queue.py")]
"""The snippet these tests check, on every supported version (see conftest.py)."""
EVENT = re.compile(
    r"^(?P<worker>worker-\d) (?P<what>starts|finished) job (?P<job>\d+)", re.MULTILINE
)


def events(result: Run) -> list[tuple[str, str, int]]:
    return [(m["worker"], m["what"], int(m["job"])) for m in EVENT.finditer(result.output)]


def test_each_of_ten_jobs_starts_and_finishes_once(run: Run) -> None:
    seen = Counter((what, job) for _, what, job in events(run))
    expected = {(what, job): 1 for what in ("starts", "finished") for job in range(1, 11)}
    assert seen == expected


def test_a_job_finishes_on_the_worker_that_started_it(run: Run) -> None:
    started_by = {job: worker for worker, what, job in events(run) if what == "starts"}
    for worker, what, job in events(run):
        if what == "finished":
            assert started_by[job] == worker


def test_no_worker_runs_two_jobs_at_once(run: Run) -> None:
    current: dict[str, int | None] = {}
    for worker, what, job in events(run):
        if what == "starts":
            assert current.get(worker) is None, f"{worker} starts job {job} while busy"
            current[worker] = job
        else:
            assert current.get(worker) == job
            current[worker] = None
    assert set(current) == {"worker-1", "worker-2", "worker-3"}
    assert all(job is None for job in current.values())


def test_every_worker_ends_cancelled(run: Run) -> None:
    endings = re.findall(r"^(worker-\d) cancelled: (True|False)$", run.output, re.MULTILINE)
    assert endings == [("worker-1", "True"), ("worker-2", "True"), ("worker-3", "True")]
    assert run.output.rstrip().endswith("worker-3 cancelled: True")
    assert run.exit_status == 0
