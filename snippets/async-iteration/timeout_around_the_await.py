import asyncio
from collections.abc import AsyncGenerator
from contextlib import aclosing


async def readings() -> AsyncGenerator[int, None]:
    for number in range(10):
        async with asyncio.timeout(0.25):  # around the wait, not the yield
            await asyncio.sleep(0.05)
        yield number


async def main() -> None:
    try:
        async with asyncio.timeout(0.7), aclosing(readings()) as stream:
            async for number in stream:
                print(f"consumer: got {number}")
                await asyncio.sleep(0.4)  # the consumer's own work
    except TimeoutError:
        print("consumer: TimeoutError, where it set the limit")


asyncio.run(main())
