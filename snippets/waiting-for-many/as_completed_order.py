import asyncio
import time

START = time.perf_counter()


async def download(name: str, seconds: float) -> str:
    begin = time.perf_counter() - START
    await asyncio.sleep(seconds)
    end = time.perf_counter() - START
    print(f"{name}: from {begin:.1f} s to {end:.1f} s")
    return name


async def main() -> None:
    sizes = {"big": 0.9, "small": 0.2, "medium": 0.5, "tiny": 0.1}
    jobs = [download(name, seconds) for name, seconds in sizes.items()]
    for finished in asyncio.as_completed(jobs):  # in the order they finish
        name = await finished
        print(f"  main handles {name} at {time.perf_counter() - START:.1f} s")


asyncio.run(main())
