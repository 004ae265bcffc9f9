import asyncio
import math
import time

START = time.perf_counter()


def since(start: float) -> float:
    """Seconds since `start`, to the tenth below: a wait never ends early."""
    return math.floor((time.perf_counter() - start) * 10) / 10


async def download(name: str, seconds: float) -> str:
    begin = since(START)
    await asyncio.sleep(seconds)
    end = since(START)
    print(f"{name}: from {begin:.1f} s to {end:.1f} s")
    return name


async def main() -> None:
    sizes = {"big": 0.9, "small": 0.2, "medium": 0.5, "tiny": 0.1}
    jobs = [download(name, seconds) for name, seconds in sizes.items()]
    for finished in asyncio.as_completed(jobs):  # in the order they finish
        name = await finished
        print(f"  main handles {name} at {since(START):.1f} s")


asyncio.run(main())
