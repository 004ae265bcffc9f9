"""What process_pool_for_cpu_work.py is about: processes compute in parallel,
threads do not.

The page's transcript shows only where the jobs ran, which no load can
change. How they ran is measured here, in a fresh process of each version,
once no other snippet of the session is running, with the snippet's own
``count_primes`` (``_measure_parallelism.py``): four jobs on two threads,
then four in two processes (started beforehand). Each job measures the CPU
time it used; the jobs' CPU seconds per second of the batch's wall time say
how many ran at once.

- Threads: at most 1.1, at any load. One interpreter lock lets one thread
  at a time run Python code, so their CPU time cannot add up faster than
  the clock (0.1 for the lock's hand-overs).
- Processes: at least 1.5, when two cores are free. That is an assumption
  about the machine, so it is measured first and last (two processes that
  only spin for 0.3 s each: how much CPU they got per second); when either
  got under 1.7, another program is using the cores (a busy machine, the
  flake check's burners) and that part is skipped, saying so.
"""

import functools
import json
import os
import subprocess
from pathlib import Path

import pytest

from sitebuild.environments import SnippetPython
from sitebuild.scheduling import Scheduler

SNIPPETS = [Path(__file__).with_name("process_pool_for_cpu_work.py")]


@functools.cache
def measured(python: Path, folder: Path) -> dict[str, float]:
    """CPU seconds per wall second of each batch, from one fresh process."""
    done = subprocess.run(
        [str(python), "_measure_parallelism.py"],  # a file: spawn imports it
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture
def parallelism(
    snippet: Path, snippet_python: SnippetPython, scheduler: Scheduler
) -> dict[str, float]:
    scheduler.wait_for_all()  # no other snippet competes for the processors
    return measured(snippet_python.python, snippet.parent)


def test_threads_compute_one_at_a_time(parallelism: dict[str, float]) -> None:
    assert parallelism["threads"] <= 1.1, parallelism


def test_processes_compute_at_the_same_time(
    parallelism: dict[str, float],
) -> None:
    if len(os.sched_getaffinity(0)) < 2:
        pytest.skip("one core cannot run two processes at once")
    free = min(parallelism["free before"], parallelism["free after"])
    if free < 1.7:
        pytest.skip(
            f"two cores are not free: two spinning processes got {free:.2f}"
            " CPU seconds per second (another program is busy)"
        )
    assert parallelism["processes"] >= 1.5, parallelism
