import asyncio


async def slow_square(n: int, seconds: float) -> int:
    await asyncio.sleep(seconds)
    return n * n


async def main() -> None:
    quick = asyncio.create_task(slow_square(3, 0.1))
    slow = asyncio.create_task(slow_square(4, 10))

    print(
        f"quick result: {await quick}; task.result() again: {quick.result()}"
    )

    slow.cancel()
    try:
        await slow
    except asyncio.CancelledError:
        print(f"slow task cancelled: {slow.cancelled()}")


asyncio.run(main())
