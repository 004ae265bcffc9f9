import asyncio
import math
import time

START = time.perf_counter()
spans: dict[int, str] = {}  # what each fetch did, printed at the end


def since(start: float) -> float:
    """Seconds since `start`, to the tenth below: a wait never ends early."""
    return math.floor((time.perf_counter() - start) * 10) / 10


async def fetch(page: int, seconds: float, limit: asyncio.Semaphore) -> None:
    async with limit:  # at most three fetches hold it at once
        begin = since(START)
        await asyncio.sleep(seconds)
        end = since(START)
    spans[page] = f"page {page}: from {begin:.1f} s to {end:.1f} s"


async def main() -> None:
    limit = asyncio.Semaphore(3)
    durations = [0.3, 0.5, 0.2, 0.4, 0.3, 0.2, 0.4, 0.2]
    async with asyncio.TaskGroup() as group:
        for page, seconds in enumerate(durations, start=1):
            group.create_task(fetch(page, seconds, limit))  # all at once
    for page in sorted(spans):
        print(spans[page])


asyncio.run(main())
