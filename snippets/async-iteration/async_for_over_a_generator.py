import asyncio
import math
import time
from collections.abc import AsyncIterator


async def ticks(count: int, every: float) -> AsyncIterator[int]:
    for number in range(1, count + 1):
        await asyncio.sleep(every)  # waiting between items, without blocking
        yield number


async def main() -> None:
    start = time.perf_counter()
    async for tick in ticks(3, 0.1):
        elapsed = math.floor((time.perf_counter() - start) * 10) / 10
        print(f"tick {tick} at {elapsed:.1f} s")  # to the tenth below
    print(f"as a list: {[tick async for tick in ticks(3, 0.1)]}")


asyncio.run(main())
