import asyncio

queue: asyncio.Queue[str] = asyncio.Queue()  # shared by both calls below


async def next_message() -> str:
    loop = asyncio.get_running_loop()
    loop.call_later(0.1, queue.put_nowait, "a message")
    return await queue.get()  # waits, which ties the queue to this loop


print(asyncio.run(next_message()))
print(asyncio.run(next_message()))  # a second loop: the queue refuses it
