import asyncio
import inspect


async def fetch() -> None:
    pass


print("asyncio:", asyncio.iscoroutinefunction(fetch))
print("inspect:", inspect.iscoroutinefunction(fetch))
