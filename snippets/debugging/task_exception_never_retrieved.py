import asyncio


async def fetch_price() -> float:
    await asyncio.sleep(0.1)
    raise ConnectionError("price service down")


async def main() -> None:
    # Report only steps slower than 1 s (0.1 s, the default, is easy to
    # reach on a busy machine, and this example is about something else).
    asyncio.get_running_loop().slow_callback_duration = 1
    task = asyncio.create_task(fetch_price())
    await asyncio.sleep(0.2)  # the task fails meanwhile; nobody awaits it
    print(f"the task is done: {task.done()}")
    del task  # the last reference: the task is destroyed, the error shown
    print("main goes on")


asyncio.run(main())
