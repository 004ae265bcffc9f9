import asyncio
from collections.abc import AsyncIterator


async def readings() -> AsyncIterator[int]:
    async with asyncio.timeout(0.5):  # meant for the readings only
        for number in range(10):
            await asyncio.sleep(0.05)
            yield number  # leaves the block open while the consumer runs


async def main() -> None:
    try:
        async for number in readings():
            print(f"consumer: got {number}")
            await asyncio.sleep(1)  # the consumer's own work
    except TimeoutError:
        print("consumer: TimeoutError")  # never happens
    except asyncio.CancelledError:
        print("consumer: CancelledError, in its own work")
        raise


asyncio.run(main())
