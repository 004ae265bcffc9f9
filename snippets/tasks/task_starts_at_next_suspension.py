import asyncio


async def report(name: str) -> str:
    print(f"{name} starts")
    await asyncio.sleep(0.1)
    print(f"{name} ends")
    return name


async def main() -> None:
    task = asyncio.create_task(report("task"))
    print("task created; main keeps running")
    await asyncio.sleep(0.05)  # main suspends: the loop starts the task now
    print("main resumes, then awaits the task")
    await task


asyncio.run(main())
