import asyncio
import multiprocessing
import os
from concurrent.futures import (
    Executor,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
)


def count_primes(limit: int) -> int:
    """Pure computation: it keeps one processor busy, and never waits."""
    return sum(
        all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit)
    )


def count_primes_where(limit: int) -> int:
    """Count the primes below `limit`; return the ID of its process."""
    count_primes(limit)
    return os.getpid()


async def where_four_jobs_ran(pool: Executor) -> str:
    loop = asyncio.get_running_loop()
    jobs = [100_000] * 4
    pids = await asyncio.gather(
        *(loop.run_in_executor(pool, count_primes_where, n) for n in jobs)
    )
    if set(pids) == {os.getpid()}:
        return "in this process, the one running the event loop"
    return f"in {len(set(pids) - {os.getpid()})} other processes"


async def main(threads: Executor, processes: Executor) -> None:
    print("two threads: four jobs ran", await where_four_jobs_ran(threads))
    print("two processes: four jobs ran", await where_four_jobs_ran(processes))


if __name__ == "__main__":  # pool processes import this file: run it once
    spawn = multiprocessing.get_context("spawn")  # the same on every system
    with (
        ThreadPoolExecutor(max_workers=2) as threads,
        ProcessPoolExecutor(max_workers=2, mp_context=spawn) as processes,
    ):
        asyncio.run(main(threads, processes))
