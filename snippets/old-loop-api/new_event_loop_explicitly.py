import asyncio


async def greet() -> str:
    return "hello"


loop = asyncio.new_event_loop()  # a loop of its own, made on purpose
try:
    print(loop.run_until_complete(greet()))
finally:
    loop.close()
