import asyncio
import random

random.seed(3)  # the same "random" durations on every run


async def worker(name: str, queue: asyncio.Queue[tuple[int, float]]) -> None:
    while True:
        job, seconds = await queue.get()
        print(f"{name} starts job {job} ({seconds:.2f} s)")
        try:
            await asyncio.sleep(seconds)  # the job's work: waiting on something
            print(f"{name} finished job {job}")
        finally:
            queue.task_done()


async def main() -> None:
    queue: asyncio.Queue[tuple[int, float]] = asyncio.Queue()
    for job in range(1, 11):
        queue.put_nowait((job, round(random.uniform(0.1, 1.0), 2)))

    workers = [
        asyncio.create_task(worker(f"worker-{n}", queue), name=f"worker-{n}") for n in range(1, 4)
    ]
    await queue.join()  # returns once task_done() was called for every job

    for task in workers:
        task.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    for task in workers:
        print(f"{task.get_name()} cancelled: {task.cancelled()}")


asyncio.run(main())
