import asyncio


async def compute() -> str:
    await asyncio.sleep(0.1)
    return "from a coroutine"


async def main() -> None:
    print(await compute())  # 1. a coroutine object

    task = asyncio.create_task(compute())
    print(await task, "wrapped in a Task")  # 2. a Task

    future: asyncio.Future[str] = asyncio.get_running_loop().create_future()
    future.set_result("from a Future")
    print(await future)  # 3. a Future


asyncio.run(main())
