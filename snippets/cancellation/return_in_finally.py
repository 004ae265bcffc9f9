import asyncio


async def poll() -> str:
    try:
        await asyncio.sleep(10)
        return "done"
    finally:
        return "gave up"  # the mistake: this swallows the CancelledError


async def main() -> None:
    task = asyncio.create_task(poll())
    await asyncio.sleep(0.1)
    task.cancel()
    print("result:", await task, "| cancelled:", task.cancelled())


asyncio.run(main())
