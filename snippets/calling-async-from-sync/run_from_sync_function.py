import asyncio


async def fetch_greeting() -> str:
    await asyncio.sleep(0.1)
    return "hello"


def greeting_for_sync_callers() -> str:
    return asyncio.run(fetch_greeting())  # starts a loop, runs, closes it


print(greeting_for_sync_callers())
