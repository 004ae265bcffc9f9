import asyncio


async def fetch(item: str) -> tuple[str, asyncio.AbstractEventLoop]:
    await asyncio.sleep(0.1)
    return f"{item} fetched", asyncio.get_running_loop()


with asyncio.Runner() as runner:  # one loop, kept open across calls
    loops = set()
    for item in ("users", "orders", "invoices"):
        message, loop = runner.run(fetch(item))
        print(message)
        loops.add(loop)
    print(f"event loops used: {len(loops)}")
