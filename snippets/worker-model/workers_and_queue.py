import asyncio
import math
import random
import sys
import time

random.seed(50)  # the same "random" durations on every run


def since(start: float) -> float:
    """Seconds since `start`, to the tenth below: a wait never ends early."""
    return math.floor((time.perf_counter() - start) * 10) / 10


async def do_job(job: int, seconds: float) -> None:
    await asyncio.sleep(seconds)  # the job's work: waiting on something


async def worker(
    name: str,
    queue: asyncio.Queue[tuple[int, float]],
    failed: list[int],
    started: float,
) -> None:
    while True:
        job, seconds = await queue.get()
        print(f"{name} starts job {job} ({seconds:.1f} s)")
        begin = since(started)
        note = ""
        try:
            await do_job(job, seconds)
        except Exception as error:  # a bad job must not end the worker
            failed.append(job)
            print(f"{name} failed job {job}: {error!r}")
            note = " (failed)"
        finally:
            queue.task_done()  # counted whatever happened to the job
        end = since(started)
        print(f"{name}: job {job} from {begin:.1f} s to {end:.1f} s{note}")


async def main() -> int:
    durations = [round(random.uniform(0.1, 1.0), 1) for _ in range(10)]
    queue: asyncio.Queue[tuple[int, float]] = asyncio.Queue()
    for job, seconds in enumerate(durations, start=1):
        queue.put_nowait((job, seconds))

    failed: list[int] = []
    started = time.perf_counter()
    async with asyncio.TaskGroup() as group:  # a crashed worker is not lost
        workers = [
            group.create_task(worker(f"worker-{n}", queue, failed, started))
            for n in range(1, 4)
        ]
        await queue.join()  # returns once task_done() was called for every job
        elapsed = since(started)
        one_by_one = sum(durations)
        print(f"10 jobs in {elapsed:.1f} s (one by one: {one_by_one:.1f} s)")
        for task in workers:
            task.cancel()  # they wait for jobs that will never come
    print(f"workers cancelled: {all(task.cancelled() for task in workers)}")
    print(f"failed jobs: {sorted(failed) or 'none'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
