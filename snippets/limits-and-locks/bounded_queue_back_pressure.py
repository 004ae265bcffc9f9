import asyncio
import math
import time

START = time.perf_counter()


def now() -> str:
    """Seconds since START, to the tenth below: a wait never ends early."""
    return f"{math.floor((time.perf_counter() - START) * 10) / 10:.1f} s"


async def produce(queue: asyncio.Queue[int]) -> None:
    for item in range(1, 6):
        await queue.put(item)  # waits while the queue is full
        print(f"{now()}: produced {item}, queue holds {queue.qsize()}")


async def consume(queue: asyncio.Queue[int]) -> None:
    while True:
        item = await queue.get()
        try:
            await asyncio.sleep(0.3)  # slower than the producer
            print(f"{now()}: consumed {item}")
        finally:
            queue.task_done()  # even if the work fails or is cancelled


async def main() -> None:
    queue: asyncio.Queue[int] = asyncio.Queue(maxsize=2)
    async with asyncio.TaskGroup() as group:
        consumer = group.create_task(consume(queue))
        await produce(queue)
        await queue.join()
        consumer.cancel()


asyncio.run(main())
