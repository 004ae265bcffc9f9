import asyncio
import time
from itertools import pairwise

START = time.perf_counter()


def elapsed() -> float:
    return time.perf_counter() - START


async def heartbeat(beats: list[float]) -> None:
    while True:  # beat on every tenth of a second; a late beat delays no other
        due = (round(elapsed() * 10) + 1) / 10
        await asyncio.sleep(due - elapsed())
        beats.append(elapsed())


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
