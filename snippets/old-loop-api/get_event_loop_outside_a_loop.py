import asyncio


async def greet() -> str:
    return "hello"


# The pattern of older tutorials: take "the" loop, run a coroutine on it.
loop = asyncio.get_event_loop()  # no loop is running here
print(loop.run_until_complete(greet()))
loop.close()
