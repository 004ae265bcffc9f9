import asyncio


async def greet() -> None:
    print("hello")


task = asyncio.create_task(greet())  # no event loop is running here
