import asyncio
import time
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


async def seconds_in(pool: Executor, limits: list[int]) -> float:
    loop = asyncio.get_running_loop()
    start = time.perf_counter()
    await asyncio.gather(
        *(loop.run_in_executor(pool, count_primes, n) for n in limits)
    )
    return time.perf_counter() - start


async def main(threads: Executor, processes: Executor) -> None:
    limits = [100_000] * 4
    start = time.perf_counter()
    for limit in limits:
        count_primes(limit)  # in the loop, one after another
    in_the_loop = time.perf_counter() - start
    target = 0.7 * in_the_loop  # a clear speed-up: under 70% of the time
    in_threads = await seconds_in(threads, limits)
    in_processes = await seconds_in(processes, limits)
    print(f"two threads: under 70% of the time: {in_threads < target}")
    print(f"two processes: under 70% of the time: {in_processes < target}")


if __name__ == "__main__":  # needed where pool processes import this file
    with (
        ThreadPoolExecutor(max_workers=2) as threads,
        ProcessPoolExecutor(max_workers=2) as processes,
    ):
        asyncio.run(main(threads, processes))
