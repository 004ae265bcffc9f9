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


async def timed_in(pool: Executor, limits: list[int]) -> float:
    loop = asyncio.get_running_loop()
    start = time.perf_counter()
    with pool:
        await asyncio.gather(
            *(loop.run_in_executor(pool, count_primes, n) for n in limits)
        )
    return time.perf_counter() - start


async def main() -> None:
    limits = [70_000] * 4
    start = time.perf_counter()
    for limit in limits:
        count_primes(limit)  # in the loop, one after another
    alone = time.perf_counter() - start
    threads = await timed_in(ThreadPoolExecutor(max_workers=2), limits)
    processes = await timed_in(ProcessPoolExecutor(max_workers=2), limits)
    target = 0.7 * alone  # a clear speed-up: under 70% of the time
    print(f"two threads: under 70% of the time: {threads < target}")
    print(f"two processes: under 70% of the time: {processes < target}")


if __name__ == "__main__":  # the pool's processes import this module
    asyncio.run(main())
