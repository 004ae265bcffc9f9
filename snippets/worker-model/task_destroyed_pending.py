import asyncio

background: set[asyncio.Task[None]] = set()


async def worker(queue: asyncio.Queue[int]) -> None:
    while True:
        job = await queue.get()
        print(f"worker did job {job}")
        queue.task_done()


async def main() -> None:
    queue: asyncio.Queue[int] = asyncio.Queue()
    queue.put_nowait(1)
    background.add(asyncio.create_task(worker(queue)))
    await queue.join()
    print("main returns; the worker still waits for a job")


loop = asyncio.new_event_loop()
loop.run_until_complete(main())
loop.close()  # the worker is still pending, and was never cancelled
print("loop closed: no message so far")
print("end of the program: the interpreter now destroys what is left")
