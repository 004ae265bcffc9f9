import asyncio
import math
import time

START = time.perf_counter()


def since(start: float) -> float:
    """Seconds since `start`, to the tenth below: a wait never ends early."""
    return math.floor((time.perf_counter() - start) * 10) / 10


async def main() -> None:
    loop = asyncio.get_running_loop()
    gaps = [0.2, 0.2, 0.2, 0.5]  # seconds until each chunk arrives
    try:
        async with asyncio.timeout(0.3) as timeout:  # 0.3 s without a chunk
            for number, gap in enumerate(gaps, start=1):
                await asyncio.sleep(gap)  # waiting for the next chunk
                now = since(START)
                print(f"chunk {number} at {now:.1f} s: the deadline moves")
                timeout.reschedule(loop.time() + 0.3)
    except TimeoutError:
        now = since(START)
        print(f"stalled: no chunk for 0.3 s, gave up at {now:.1f} s")


asyncio.run(main())
