import asyncio


async def check(name: str, problem: Exception | None) -> None:
    if problem is not None:
        raise problem  # fails in its very first step
    print(f"{name}: fine")


async def main() -> None:
    checks = {"net": None, "disk": OSError("full"), "config": KeyError("port")}
    try:
        async with asyncio.TaskGroup() as group:
            for name, problem in checks.items():
                group.create_task(check(name, problem))
    except* OSError as part:
        print(f"the OSError part: {part.exceptions}")
    except* KeyError as part:
        print(f"the KeyError part: {part.exceptions}")


asyncio.run(main())
