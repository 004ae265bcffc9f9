import asyncio


async def parse() -> None:
    raise ValueError("bad header")


async def main() -> None:
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(parse())
    except* ValueError as part:
        for error in part.exceptions:
            print(f"handled: {error!r}")


asyncio.run(main())
