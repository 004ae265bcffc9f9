import asyncio


async def fail_soon() -> None:
    await asyncio.sleep(0.1)
    raise ValueError("a child failed")


async def service(uncancel: bool) -> None:
    task = asyncio.current_task()
    assert task is not None
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        if uncancel:
            task.uncancel()  # withdraw the request we chose to ignore
    print(f"  suppressed it; cancelling() = {task.cancelling()}")
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(fail_soon())
            await asyncio.sleep(1)
    except* ValueError:
        print("  handled the group's failure")
    try:
        await asyncio.sleep(0.1)
        print("  carried on")
    except asyncio.CancelledError:
        print("  cancelled again at its next await")
        raise


async def main() -> None:
    for uncancel in (False, True):
        print(f"uncancel={uncancel}")
        task = asyncio.create_task(service(uncancel))
        await asyncio.sleep(0.1)
        task.cancel()
        await asyncio.wait([task])
        print(f"  task cancelled: {task.cancelled()}")


asyncio.run(main())
