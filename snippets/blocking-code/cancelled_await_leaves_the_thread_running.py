import asyncio
import math
import time

START = time.perf_counter()


def since(start: float) -> float:
    """Seconds since `start`, to the tenth below: a wait never ends early."""
    return math.floor((time.perf_counter() - start) * 10) / 10


def slow_write() -> None:
    time.sleep(0.5)  # no one can interrupt a thread from outside
    print(f"thread: the write finished at {since(START):.1f} s")


async def main() -> None:
    try:
        async with asyncio.timeout(0.2):
            await asyncio.to_thread(slow_write)
    except TimeoutError:
        now = since(START)
        print(f"main: stopped waiting at {now:.1f} s; the thread goes on")


asyncio.run(main())  # waits for the thread before the program ends
print(f"program ends at {since(START):.1f} s")
