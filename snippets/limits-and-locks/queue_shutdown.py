import asyncio


async def consume(name: str, queue: asyncio.Queue[int]) -> None:
    while True:
        item = await queue.get()  # raises QueueShutDown once shut down
        print(f"{name}: got {item}")
        queue.task_done()


async def main() -> None:
    queue: asyncio.Queue[int] = asyncio.Queue()
    consumers = [
        asyncio.create_task(consume(name, queue), name=name)
        for name in ("c1", "c2")
    ]
    for item in range(3):
        queue.put_nowait(item)
    await queue.join()
    queue.shutdown()  # new in 3.13: every waiting get() raises QueueShutDown
    outcomes = await asyncio.gather(*consumers, return_exceptions=True)
    for task, outcome in zip(consumers, outcomes, strict=True):
        print(f"{task.get_name()} stopped: {type(outcome).__name__}")


asyncio.run(main())
