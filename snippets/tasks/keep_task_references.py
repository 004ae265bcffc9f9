import asyncio
import gc
from collections.abc import Coroutine
from typing import Any

background: set[asyncio.Task[None]] = set()


def start_in_background(coroutine: Coroutine[Any, Any, None]) -> None:
    task = asyncio.create_task(coroutine)
    background.add(task)  # a strong reference...
    task.add_done_callback(background.discard)  # ...dropped when it is done


async def wait_for_signal() -> None:
    signal = asyncio.get_running_loop().create_future()  # nobody else holds it
    try:
        await signal
        print("never printed")
    finally:
        print("the task's finally block runs")


async def main() -> None:
    start_in_background(wait_for_signal())  # the same task, now referenced
    await asyncio.sleep(0.1)  # the task starts and suspends on its future
    gc.collect()  # a garbage collection that happens to run now
    print(f"main goes on; tasks still running: {len(background)}")


asyncio.run(main())  # cancels the task that still waits, and waits for it
