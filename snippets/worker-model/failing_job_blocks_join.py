import asyncio


async def worker(queue: asyncio.Queue[float]) -> None:
    while True:
        seconds = await queue.get()
        if seconds < 0:
            raise ValueError(f"bad job: {seconds}")
        await asyncio.sleep(seconds)
        queue.task_done()  # skipped when the job raises


async def main() -> None:
    queue: asyncio.Queue[float] = asyncio.Queue()
    for seconds in (0.1, -1.0, 0.1):
        queue.put_nowait(seconds)
    task = asyncio.create_task(worker(queue))
    try:
        async with asyncio.timeout(1):  # stands in for "forever"
            await queue.join()
    except TimeoutError:
        print("queue.join() was still waiting after 1 s")
    print(f"worker: done={task.done()}, error={task.exception()!r}")


asyncio.run(main())
