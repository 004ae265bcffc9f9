import asyncio
import time
from itertools import pairwise

START = time.perf_counter()


async def heartbeat(beats: list[float]) -> None:
    while True:
        await asyncio.sleep(0.1)  # should beat every 0.1 s
        beats.append(time.perf_counter() - START)


async def main() -> None:
    beats: list[float] = []
    pulse = asyncio.create_task(heartbeat(beats))
    await asyncio.sleep(0.23)
    await asyncio.to_thread(time.sleep, 0.47)  # the same call, in a thread
    await asyncio.sleep(0.25)
    pulse.cancel()
    print("beats at", ", ".join(f"{beat:.1f}" for beat in beats), "s")
    longest = max(later - earlier for earlier, later in pairwise(beats))
    print(f"longest gap between beats: {longest:.1f} s")


asyncio.run(main())
