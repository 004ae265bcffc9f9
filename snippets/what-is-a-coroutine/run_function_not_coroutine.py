import asyncio


async def wake_up_later() -> None:
    await asyncio.sleep(1)
    print("awake after one second")


asyncio.run(wake_up_later)  # the function itself, not a coroutine object
