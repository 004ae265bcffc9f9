import asyncio


async def receive_all(immediate: bool) -> list[int]:
    queue: asyncio.Queue[int] = asyncio.Queue()
    for item in range(3):
        queue.put_nowait(item)
    queue.shutdown(immediate=immediate)  # three items still queued
    received = []
    try:
        while True:
            received.append(await queue.get())
    except asyncio.QueueShutDown:
        return received


async def main() -> None:
    for immediate in (False, True):
        got = await receive_all(immediate)
        print(f"shutdown(immediate={immediate}): the consumer got {got}")


asyncio.run(main())
