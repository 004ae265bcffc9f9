import asyncio
import math
import time

START = time.perf_counter()


def since(start: float) -> float:
    """Seconds since `start`, to the tenth below: a wait never ends early."""
    return math.floor((time.perf_counter() - start) * 10) / 10


async def runner(name: str, start_signal: asyncio.Event) -> None:
    await start_signal.wait()
    print(f"{name} starts at {since(START):.1f} s")


async def main() -> None:
    start_signal = asyncio.Event()
    async with asyncio.TaskGroup() as group:
        for name in ("ann", "bob", "cid"):
            group.create_task(runner(name, start_signal))
        await asyncio.sleep(0.3)  # everyone is waiting
        print(f"set at {since(START):.1f} s")
        start_signal.set()  # wakes every waiter at once
    before = time.perf_counter()
    await start_signal.wait()  # once it is set, wait() does not wait
    print(f"wait() after set(): {since(before):.1f} s")


asyncio.run(main())
