import asyncio


async def parse() -> None:
    raise ValueError("bad header")


async def main() -> None:
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(parse())  # one child, one error
    except ValueError:
        print("never printed: the group raises an ExceptionGroup")


asyncio.run(main())
