import asyncio

queue: asyncio.Queue[str] = asyncio.Queue()  # shared by every call below
loops: set[asyncio.AbstractEventLoop] = set()


async def next_message() -> str:
    loop = asyncio.get_running_loop()
    loops.add(loop)
    loop.call_later(0.1, queue.put_nowait, "a message")
    return await queue.get()  # waits, which ties the queue to this loop


with asyncio.Runner() as runner:  # one loop, kept open across calls
    for _ in range(3):
        print(runner.run(next_message()))
print(f"event loops used: {len(loops)}")
