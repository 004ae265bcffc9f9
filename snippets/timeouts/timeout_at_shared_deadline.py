import asyncio
import math
import time

START = time.perf_counter()


def since(start: float) -> float:
    """Seconds since `start`, to the tenth below: a wait never ends early."""
    return math.floor((time.perf_counter() - start) * 10) / 10


async def step(name: str, seconds: float, deadline: float) -> None:
    async with asyncio.timeout_at(deadline):  # the caller's deadline
        await asyncio.sleep(seconds)
    print(f"{name} done at {since(START):.1f} s")


async def main() -> None:
    deadline = asyncio.get_running_loop().time() + 0.5  # for the whole job
    try:
        await step("download", 0.2, deadline)
        await step("convert", 0.2, deadline)  # gets what is left of it
        await step("upload", 0.2, deadline)
    except TimeoutError:
        now = since(START)
        print(f"out of time at {now:.1f} s")


asyncio.run(main())
