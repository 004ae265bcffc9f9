import asyncio
from collections.abc import Generator
from typing import Any


class Countdown:
    """Awaiting it waits `steps` times 0.1 s and gives back a message."""

    def __init__(self, steps: int) -> None:
        self.steps = steps

    def __await__(self) -> Generator[Any, None, str]:
        for remaining in range(self.steps, 0, -1):
            print(f"{remaining}...")
            yield from asyncio.sleep(0.1).__await__()
        return "lift-off"


async def main() -> None:
    print(await Countdown(3))


asyncio.run(main())
