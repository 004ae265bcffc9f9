import asyncio


async def job(label: str) -> None:
    task = asyncio.current_task()
    assert task is not None
    timeout = asyncio.timeout(0.2)
    try:
        async with timeout:
            try:
                await asyncio.sleep(1)
            finally:
                await asyncio.sleep(0.2)  # a slow clean-up, still in the block
    except TimeoutError:
        print(f"{label}: TimeoutError")
    finally:
        print(
            f"{label}: the timeout fired: {timeout.expired()}, "
            f"cancelling() = {task.cancelling()}"
        )


async def main() -> None:
    await job("timeout only")  # fires at 0.2 s; clean-up until 0.4 s
    other = asyncio.create_task(job("timeout, then a cancel"))
    await asyncio.sleep(0.3)  # its timeout fired at 0.2 s; it is cleaning up
    other.cancel()  # a second request, from outside
    await asyncio.wait([other])
    print(f"it ends cancelled, not timed out: {other.cancelled()}")


asyncio.run(main())
