import asyncio
import math
import time


async def poll(swallow: bool) -> None:
    for _ in range(5):
        try:
            await asyncio.sleep(0.2)
        except asyncio.CancelledError:
            if not swallow:
                raise
            print("  poll: cancelled? never mind, polling on")  # the bug


async def main() -> None:
    for swallow in (True, False):
        print(f"poll(swallow={swallow}) under a 0.3 s timeout:")
        start = time.perf_counter()
        try:
            async with asyncio.timeout(0.3):
                await poll(swallow)
            result = "ran to the end: the timeout did nothing"
        except TimeoutError:
            result = "TimeoutError, as it should"
        elapsed = math.floor((time.perf_counter() - start) * 10) / 10
        print(f"  {result}, after {elapsed:.1f} s")  # to the tenth below


asyncio.run(main())
