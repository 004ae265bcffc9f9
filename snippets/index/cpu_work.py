import asyncio
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
    await asyncio.gather(
        crunch("a", 0.05), crunch("b", 0.05), crunch("c", 0.05)
    )
    print(f"gathered: {time.perf_counter() - start:.2f} s")


asyncio.run(main())
