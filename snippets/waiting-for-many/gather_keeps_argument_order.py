import asyncio
import math
import time

START = time.perf_counter()


async def fetch(name: str, seconds: float) -> str:
    await asyncio.sleep(seconds)
    elapsed = math.floor((time.perf_counter() - START) * 10) / 10
    print(f"{name} done at {elapsed:.1f} s")  # to the tenth below
    return name


async def main() -> None:
    results = await asyncio.gather(
        fetch("a", 0.3), fetch("b", 0.1), fetch("c", 0.2)
    )
    print(f"gather gave {results}: the order of its arguments")


asyncio.run(main())
