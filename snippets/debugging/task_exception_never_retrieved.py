import asyncio


async def fetch_price() -> float:
    await asyncio.sleep(0.1)
    raise ConnectionError("price service down")


async def main() -> None:
    task = asyncio.create_task(fetch_price())
    await asyncio.sleep(0.2)  # the task fails meanwhile; nobody awaits it
    print(f"the task is done: {task.done()}")
    del task  # the last reference: the task is destroyed, the error shown
    print("main goes on")


asyncio.run(main())
