import asyncio
import gc

background: set[asyncio.Task[None]] = set()


async def wait_for_signal(signal: asyncio.Event) -> None:
    await signal.wait()
    print("the task got the signal")


async def main() -> None:
    signal = asyncio.Event()
    task = asyncio.create_task(wait_for_signal(signal))
    background.add(task)  # a strong reference...
    task.add_done_callback(background.discard)  # ...dropped when the task ends
    await asyncio.sleep(0.1)
    gc.collect()
    signal.set()
    await task
    print(f"tasks still referenced: {len(background)}")


asyncio.run(main())
