import asyncio
import random
import time

random.seed(50)  # the same "random" durations on every run


async def worker(name: str, queue: asyncio.Queue[tuple[int, float]]) -> None:
    while True:
        job, seconds = await queue.get()
        print(f"{name} starts job {job} ({seconds:.1f} s)")
        try:
            await asyncio.sleep(seconds)  # the job's work: waiting on something
            print(f"{name} finished job {job}")
        finally:
            queue.task_done()


async def main() -> None:
    durations = [round(random.uniform(0.1, 1.0), 1) for _ in range(10)]
    queue: asyncio.Queue[tuple[int, float]] = asyncio.Queue()
    for job, seconds in enumerate(durations, start=1):
        queue.put_nowait((job, seconds))

    start = time.perf_counter()
    workers = [
        asyncio.create_task(worker(f"worker-{n}", queue), name=f"worker-{n}") for n in range(1, 4)
    ]
    await queue.join()  # returns once task_done() was called for every job
    print(f"10 jobs in {time.perf_counter() - start:.1f} s (one by one: {sum(durations):.1f} s)")

    for task in workers:
        task.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    for task in workers:
        print(f"{task.get_name()} cancelled: {task.cancelled()}")


asyncio.run(main())
