import asyncio
import math
import time

START = time.perf_counter()


def since(start: float) -> float:
    """Seconds since `start`, to the tenth below: a wait never ends early."""
    return math.floor((time.perf_counter() - start) * 10) / 10


async def save(record: str) -> str:
    await asyncio.sleep(0.4)  # must not be cut short half-way
    print(f"saved {record} at {since(START):.1f} s")
    return record


async def main() -> None:
    saving = asyncio.create_task(save("order-42"))
    try:
        async with asyncio.timeout(0.1):
            await asyncio.shield(saving)  # the wait is cancelled, not the save
    except TimeoutError:
        print(f"stopped waiting at {since(START):.1f} s")
    print(f"the save goes on: {not saving.done()}")
    await saving


asyncio.run(main())
