import asyncio


async def wait_for_reply(queue: asyncio.Queue[str]) -> str:
    return await queue.get()


async def keep_alive() -> None:
    while True:
        await asyncio.sleep(1)


async def main() -> None:
    queue: asyncio.Queue[str] = asyncio.Queue()
    tasks = [
        asyncio.create_task(wait_for_reply(queue), name="reply"),
        asyncio.create_task(keep_alive(), name="keep-alive"),
    ]
    await asyncio.sleep(0.1)  # let them start
    running = asyncio.all_tasks()  # every task of this loop not done yet
    for task in sorted(running, key=lambda task: task.get_name()):
        if task is asyncio.current_task():
            print(f"{task.get_name()}: running (it is the one asking)")
            continue
        frame = task.get_stack()[-1]  # where the task is suspended
        where = f"{frame.f_code.co_name}, line {frame.f_lineno}"
        print(f"{task.get_name()}: suspended in {where}")
    for task in tasks:
        task.cancel()


asyncio.run(main())
