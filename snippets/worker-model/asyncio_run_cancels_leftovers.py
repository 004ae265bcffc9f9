import asyncio

background: set[asyncio.Task[None]] = set()


async def worker(queue: asyncio.Queue[int]) -> None:
    try:
        while True:
            job = await queue.get()
            print(f"worker did job {job}")
            queue.task_done()
    except asyncio.CancelledError:
        print("worker cancelled by asyncio.run")
        raise


async def main() -> None:
    queue: asyncio.Queue[int] = asyncio.Queue()
    queue.put_nowait(1)
    background.add(asyncio.create_task(worker(queue)))
    await queue.join()
    print("main returns; the worker still waits for a job")


asyncio.run(main())
print("asyncio.run returned")
