import asyncio
import types
from collections.abc import Generator
from typing import Any


@types.coroutine
def legacy_pause(seconds: float) -> Generator[Any, None, str]:
    yield from asyncio.sleep(seconds)  # `yield from` plays the part of `await`
    return f"paused {seconds} s the old way"


async def main() -> None:
    message = await legacy_pause(
        0.1
    )  # a native coroutine awaits the generator
    print(message)


asyncio.run(main())
