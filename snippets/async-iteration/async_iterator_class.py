import asyncio
from typing import Self


class Countdown:
    """An async iterator by hand: __aiter__ and an awaitable __anext__."""

    def __init__(self, start: int) -> None:
        self.current = start

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> int:
        if self.current == 0:
            raise StopAsyncIteration  # ends the async for
        await asyncio.sleep(0.1)
        self.current -= 1
        return self.current + 1


async def main() -> None:
    async for number in Countdown(3):
        print(number)


asyncio.run(main())
