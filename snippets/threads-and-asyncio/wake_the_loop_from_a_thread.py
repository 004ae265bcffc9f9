import asyncio
import math
import threading
import time
from collections.abc import Callable
from functools import partial


def sensor(deliver: Callable[[str], None]) -> None:
    time.sleep(0.1)  # a reading arrives, in another thread
    deliver("21.5 C")


async def receive(thread_safe: bool) -> None:
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[str] = asyncio.Queue()
    deliver = (
        partial(loop.call_soon_threadsafe, queue.put_nowait)
        if thread_safe
        else queue.put_nowait  # wrong: the loop is not told to wake up
    )
    start = time.perf_counter()
    threading.Thread(target=sensor, args=(deliver,)).start()
    timer = asyncio.create_task(asyncio.sleep(1))  # the loop's next timer
    reading = await queue.get()
    elapsed = math.floor((time.perf_counter() - start) * 10) / 10
    print(f"  got {reading} after {elapsed:.1f} s")  # to the tenth below
    timer.cancel()


async def main() -> None:
    print("queue.put_nowait called from the thread:")
    await receive(thread_safe=False)
    print("queue.put_nowait handed to loop.call_soon_threadsafe:")
    await receive(thread_safe=True)


asyncio.run(main())
