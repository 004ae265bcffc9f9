import asyncio


async def job(label: str) -> None:
    task = asyncio.current_task()
    assert task is not None
    try:
        async with asyncio.timeout(0.2):
            await asyncio.sleep(1)
    except TimeoutError:
        print(f"{label}: TimeoutError, cancelling() = {task.cancelling()}")
    finally:
        print(f"{label}: leaving, cancelling() = {task.cancelling()}")


async def main() -> None:
    await job("timed out")  # the timeout cancels, then uncancels
    other = asyncio.create_task(job("cancelled from outside"))
    await asyncio.sleep(0.1)
    other.cancel()  # a real cancellation, inside the same timeout block
    await asyncio.wait([other])
    print(f"it stays a cancellation: {other.cancelled()}")


asyncio.run(main())
