import asyncio
import math
import time


async def fetch(name: str, seconds: float) -> str:
    await asyncio.sleep(seconds)  # stands in for waiting on a network reply
    return name


async def one_after_another() -> None:
    for name, seconds in [("a", 0.3), ("b", 0.5), ("c", 0.8)]:
        await fetch(name, seconds)


async def all_at_once() -> None:
    await asyncio.gather(fetch("a", 0.3), fetch("b", 0.5), fetch("c", 0.8))


async def main() -> None:
    for approach in (one_after_another, all_at_once):
        start = time.perf_counter()
        await approach()
        elapsed = math.floor((time.perf_counter() - start) * 10) / 10
        print(f"{approach.__name__}: {elapsed:.1f} s")  # to the tenth below


asyncio.run(main())
