"""How many jobs of process_pool_for_cpu_work.py compute at once, by pool.

Run by test_process_pool_for_cpu_work.py; prints CPU seconds per wall second.
"""

import json
import multiprocessing
import time
from concurrent.futures import (
    Executor,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
)

from process_pool_for_cpu_work import count_primes


def job(limit: int) -> float:
    start = time.thread_time()
    count_primes(limit)
    return time.thread_time() - start


def spin(seconds: float) -> float:
    start, end = time.thread_time(), time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass
    return time.thread_time() - start


def at_once(pool: Executor, work, arguments: list) -> float:
    start = time.perf_counter()
    cpu = sum(pool.map(work, arguments))
    return cpu / (time.perf_counter() - start)


if __name__ == "__main__":
    spawn = multiprocessing.get_context("spawn")
    with (
        ThreadPoolExecutor(2) as threads,
        ProcessPoolExecutor(2, mp_context=spawn) as processes,
    ):
        at_once(processes, spin, [0.05, 0.05])  # both processes started
        print(
            json.dumps(
                {
                    "free before": at_once(processes, spin, [0.3, 0.3]),
                    "threads": at_once(threads, job, [100_000] * 4),
                    "processes": at_once(processes, job, [100_000] * 4),
                    "free after": at_once(processes, spin, [0.3, 0.3]),
                }
            )
        )
