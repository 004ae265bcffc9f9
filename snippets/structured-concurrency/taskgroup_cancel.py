import asyncio


async def search(
    group: asyncio.TaskGroup, mirror: str, seconds: float, found: list[str]
) -> None:
    await asyncio.sleep(seconds)
    found.append(mirror)
    group.cancel()  # 3.15+: the others are not needed any more


async def main() -> None:
    found: list[str] = []
    async with asyncio.TaskGroup() as group:
        for mirror, seconds in [("eu", 0.3), ("us", 0.1), ("asia", 0.2)]:
            group.create_task(search(group, mirror, seconds, found))
    print("first mirror:", found[0], "| found in all:", found)


asyncio.run(main())
