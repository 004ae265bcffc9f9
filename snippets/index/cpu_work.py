import asyncio
import math
import time


async def crunch(name: str, seconds: float) -> None:
    """Keep the CPU busy for `seconds` without ever awaiting."""
    print(f"{name} starts")
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        pass
    print(f"{name} ends")


async def main() -> None:
    start = time.perf_counter()
    await asyncio.gather(crunch("a", 0.1), crunch("b", 0.1), crunch("c", 0.1))
    elapsed = math.floor((time.perf_counter() - start) * 10) / 10
    print(f"gathered: {elapsed:.1f} s")  # to the tenth below


asyncio.run(main())
