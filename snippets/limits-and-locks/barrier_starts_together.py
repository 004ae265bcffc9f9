import asyncio


async def runner(name: str, warm_up: float, start: asyncio.Barrier) -> None:
    await asyncio.sleep(warm_up)
    print(f"{name}: ready")
    await start.wait()  # until all three are ready
    print(f"{name}: go")


async def main() -> None:
    start = asyncio.Barrier(3)
    async with asyncio.TaskGroup() as group:
        for name, warm_up in [("a", 0.1), ("b", 0.3), ("c", 0.2)]:
            group.create_task(runner(name, warm_up, start))


asyncio.run(main())
