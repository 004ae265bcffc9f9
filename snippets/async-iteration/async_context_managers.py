import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Self


class Connection:
    """An async context manager written by hand: awaitable enter and exit."""

    async def __aenter__(self) -> Self:
        await asyncio.sleep(0.1)  # connecting takes a while
        print("class: connected")
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await asyncio.sleep(0.1)  # so does saying goodbye
        print("class: disconnected")


@asynccontextmanager
async def connection() -> AsyncIterator[str]:
    """The same, as a generator: before the yield is enter, after is exit."""
    await asyncio.sleep(0.1)
    print("generator: connected")
    try:
        yield "a connection"
    finally:
        await asyncio.sleep(0.1)
        print("generator: disconnected")


async def main() -> None:
    async with Connection():
        print("class: in use")
    async with connection() as handle:
        print(f"generator: using {handle}")


asyncio.run(main())
