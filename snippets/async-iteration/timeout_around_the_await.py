import asyncio
from collections.abc import AsyncIterator


async def readings() -> AsyncIterator[int]:
    for number in range(10):
        async with asyncio.timeout(0.25):  # around the wait, not the yield
            await asyncio.sleep(0.1)
        yield number


async def main() -> None:
    try:
        async with asyncio.timeout(0.6):  # the consumer's own limit
            async for number in readings():
                print(f"consumer: got {number}")
                await asyncio.sleep(0.3)  # the consumer's own work
    except TimeoutError:
        print("consumer: TimeoutError, where it set the limit")


asyncio.run(main())
