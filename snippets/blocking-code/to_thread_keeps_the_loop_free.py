import asyncio
import math
import time
from itertools import pairwise

START = time.perf_counter()


def elapsed() -> float:
    return time.perf_counter() - START


async def heartbeat(beats: list[float], last: float) -> None:
    """Beat on each tenth of a second until `last`: a late beat delays none."""
    while not beats or beats[-1] < last:
        due = (math.floor(elapsed() * 10) + 1) / 10  # the next tenth
        await asyncio.sleep(due - elapsed())
        beats.append(math.floor(elapsed() * 10) / 10)  # the tenth below


async def main() -> None:
    beats: list[float] = []
    pulse = asyncio.create_task(heartbeat(beats, last=0.9))
    await asyncio.sleep(0.2)  # ends just after the beat at 0.2 s
    await asyncio.to_thread(time.sleep, 0.5)  # the same call, in a thread
    await pulse
    print("beats at", ", ".join(f"{beat:.1f}" for beat in beats), "s")
    longest = max(later - earlier for earlier, later in pairwise(beats))
    print(f"longest gap between beats: {longest:.1f} s")


asyncio.run(main())
