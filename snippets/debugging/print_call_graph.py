import asyncio


async def save(record: str) -> None:
    asyncio.print_call_graph()  # 3.14+: who awaits whom, down to here
    await asyncio.sleep(0)


async def handle(record: str) -> None:
    await save(record)


async def main() -> None:
    async with asyncio.TaskGroup() as group:
        group.create_task(handle("order-42"), name="handler")


asyncio.run(main())
