import asyncio


async def greet() -> None:
    await asyncio.sleep(0.1)
    print("Hello")


await greet()  # only allowed inside async def: the file does not compile
