import asyncio
import types
from collections.abc import Generator
from typing import Any


@types.coroutine
def legacy_pause(seconds: float) -> Generator[Any, None, str]:
    yield from asyncio.sleep(seconds)
    return "paused the old way"


async def main() -> None:
    print(f"await: {await legacy_pause(0.1)}")
    print(f"asyncio.gather: {await asyncio.gather(legacy_pause(0.1))}")
    print(f"asyncio.iscoroutine: {asyncio.iscoroutine(legacy_pause(0.1))}")
    try:
        print(f"create_task: {await asyncio.create_task(legacy_pause(0.1))}")
    except TypeError as error:
        print(f"create_task: TypeError: {error}")


asyncio.run(main())
print(f"asyncio.run: {asyncio.run(legacy_pause(0.1))}")
