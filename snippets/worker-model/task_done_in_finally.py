import asyncio


async def worker(queue: asyncio.Queue[float]) -> None:
    while True:
        seconds = await queue.get()
        try:
            if seconds < 0:
                raise ValueError(f"bad job: {seconds}")
            await asyncio.sleep(seconds)
            print(f"job of {seconds} s done")
        except ValueError as error:
            print(f"job failed: {error}")
        finally:
            queue.task_done()  # runs whether the job worked or not


async def main() -> None:
    queue: asyncio.Queue[float] = asyncio.Queue()
    for seconds in (0.1, -1.0, 0.1):
        queue.put_nowait(seconds)
    async with asyncio.TaskGroup() as group:
        task = group.create_task(worker(queue))
        await queue.join()
        print("queue.join() returned: every job was marked done")
        task.cancel()  # the group waits for the cancellation to finish
    print(f"worker cancelled: {task.cancelled()}")


asyncio.run(main())
