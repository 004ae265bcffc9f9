import asyncio
import random
import sys
import time

random.seed(50)  # the same "random" durations on every run


async def do_job(job: int, seconds: float) -> None:
    await asyncio.sleep(seconds)  # the job's work: waiting on something


async def worker(
    name: str, queue: asyncio.Queue[tuple[int, float]], failed: list[int]
) -> None:
    while True:
        job, seconds = await queue.get()
        print(f"{name} starts job {job} ({seconds:.1f} s)")
        try:
            await do_job(job, seconds)
        except Exception as error:  # a bad job must not end the worker
            failed.append(job)
            print(f"{name} failed job {job}: {error!r}")
        else:
            print(f"{name} finished job {job}")
        finally:
            queue.task_done()  # counted whatever happened to the job


async def main() -> int:
    durations = [round(random.uniform(0.1, 1.0), 1) for _ in range(10)]
    queue: asyncio.Queue[tuple[int, float]] = asyncio.Queue()
    for job, seconds in enumerate(durations, start=1):
        queue.put_nowait((job, seconds))

    failed: list[int] = []
    start = time.perf_counter()
    async with asyncio.TaskGroup() as group:  # a crashed worker is not lost
        workers = [
            group.create_task(worker(f"worker-{n}", queue, failed))
            for n in range(1, 4)
        ]
        await queue.join()  # returns once task_done() was called for every job
        elapsed = time.perf_counter() - start
        print(
            f"10 jobs in {elapsed:.1f} s (one by one: {sum(durations):.1f} s)"
        )
        for task in workers:
            task.cancel()  # they wait for jobs that will never come
    print(f"workers cancelled: {all(task.cancelled() for task in workers)}")
    print(f"failed jobs: {sorted(failed) or 'none'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
