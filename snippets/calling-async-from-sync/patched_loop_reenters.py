import asyncio

import nest_asyncio


async def fetch_greeting() -> str:
    async with asyncio.timeout(1):  # needs to know the task it runs in
        await asyncio.sleep(0.3)
    return "hello"


def fetch_greeting_now() -> str:
    return asyncio.run(fetch_greeting())  # refused, unless patched


async def tick() -> None:
    while True:
        known = asyncio.current_task() is not None
        print(f"  the console's loop: tick (current_task() known: {known})")
        await asyncio.sleep(0.25)


async def console() -> None:
    ticking = asyncio.create_task(tick())
    await asyncio.sleep(0.35)
    print("calling fetch_greeting_now()")
    print(f"it returned {fetch_greeting_now()!r}")
    ticking.cancel()


print(f"asyncio.Task comes from {asyncio.Task.__module__}")
nest_asyncio.apply()  # patches asyncio so that a running loop re-enters
print(f"asyncio.Task comes from {asyncio.Task.__module__}")
asyncio.run(console())
