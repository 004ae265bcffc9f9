import asyncio


async def greet() -> str:
    return "hello"


print(asyncio.run(greet()))  # makes a loop, runs it, closes it

with asyncio.Runner() as runner:  # one loop for several calls
    print(runner.run(greet()), runner.run(greet()))
