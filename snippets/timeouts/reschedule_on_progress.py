import asyncio
import time

START = time.perf_counter()


async def main() -> None:
    loop = asyncio.get_running_loop()
    gaps = [0.2, 0.2, 0.2, 0.5]  # seconds until each chunk arrives
    try:
        async with asyncio.timeout(0.3) as timeout:  # 0.3 s without a chunk
            for number, gap in enumerate(gaps, start=1):
                await asyncio.sleep(gap)  # waiting for the next chunk
                now = time.perf_counter() - START
                print(f"chunk {number} at {now:.1f} s: the deadline moves")
                timeout.reschedule(loop.time() + 0.3)
    except TimeoutError:
        now = time.perf_counter() - START
        print(f"stalled: no chunk for 0.3 s, gave up at {now:.1f} s")


asyncio.run(main())
