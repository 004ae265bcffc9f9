import asyncio

print(f"an Exception: {issubclass(asyncio.CancelledError, Exception)}")
print(f"a BaseException: {issubclass(asyncio.CancelledError, BaseException)}")


async def careful() -> None:
    try:
        await asyncio.sleep(1)
    except Exception as error:  # catches errors, not cancellation
        print(f"never printed: {error!r}")


async def main() -> None:
    task = asyncio.create_task(careful())
    await asyncio.sleep(0.1)
    task.cancel()
    await asyncio.wait([task])
    print(f"the task was cancelled all the same: {task.cancelled()}")


asyncio.run(main())
