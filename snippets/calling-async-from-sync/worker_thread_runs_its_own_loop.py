import asyncio
import concurrent.futures


async def fetch_greeting() -> str:
    await asyncio.sleep(0.3)
    return "hello"


def fetch_greeting_now() -> str:
    """Sync code that needs a result, called where a loop already runs."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        # a thread of its own has no running loop: asyncio.run works there
        return pool.submit(asyncio.run, fetch_greeting()).result()


async def tick() -> None:
    while True:
        print("  the console's loop: tick")
        await asyncio.sleep(0.2)


async def console() -> None:  # stands for an IDE's or a notebook's loop
    ticking = asyncio.create_task(tick())
    await asyncio.sleep(0.3)
    print("calling fetch_greeting_now()")
    print(f"it returned {fetch_greeting_now()!r}")
    ticking.cancel()


asyncio.run(console())
