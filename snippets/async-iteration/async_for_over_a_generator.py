import asyncio
import time
from collections.abc import AsyncIterator


async def ticks(count: int, every: float) -> AsyncIterator[int]:
    for number in range(1, count + 1):
        await asyncio.sleep(every)  # waiting between items, without blocking
        yield number


async def main() -> None:
    start = time.perf_counter()
    async for tick in ticks(3, 0.1):
        print(f"tick {tick} at {time.perf_counter() - start:.1f} s")
    print(f"as a list: {[tick async for tick in ticks(3, 0.1)]}")


asyncio.run(main())
