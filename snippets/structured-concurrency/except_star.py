import asyncio


async def check(
    name: str, go: asyncio.Event, problem: Exception | None
) -> None:
    await go.wait()
    if problem is not None:
        raise problem
    print(f"{name}: fine")


async def main() -> None:
    go = asyncio.Event()
    checks = {"net": None, "disk": OSError("full"), "config": KeyError("port")}
    try:
        async with asyncio.TaskGroup() as group:
            for name, problem in checks.items():
                group.create_task(check(name, go, problem))
            go.set()  # all three checks finish at the same moment
    except* OSError as part:
        print(f"the OSError part: {part.exceptions}")
    except* KeyError as part:
        print(f"the KeyError part: {part.exceptions}")


asyncio.run(main())
