import asyncio


async def stubborn() -> str:
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return "caught the cancellation"  # swallowed: usually a bug
    return "slept ten seconds"


async def main() -> None:
    task = asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)  # the task starts and sleeps
    task.cancel()
    print(f"await gives: {await task!r}; cancelled: {task.cancelled()}")


asyncio.run(main())
