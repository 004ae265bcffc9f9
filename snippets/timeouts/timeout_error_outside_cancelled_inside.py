import asyncio


async def inner() -> None:
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as error:
        print(f"inside the block, the work sees {type(error).__name__}")
        raise  # let it through, so that the timeout can do its job


async def main() -> None:
    try:
        async with asyncio.timeout(0.1):
            await inner()
    except TimeoutError as error:
        print(f"outside the block, the caller sees {type(error).__name__}")
        print(f"it is the built-in one: {error.__class__ is TimeoutError}")
        print(f"caused by the cancellation: {error.__cause__!r}")


asyncio.run(main())
