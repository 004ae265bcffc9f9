import asyncio


async def save(record: str) -> None:
    await asyncio.sleep(0.1)
    print(f"saved {record}")


def schedule_save(record: str) -> None:
    save(record)  # missing await (and this is not even async)


async def main() -> None:
    schedule_save("order-42")
    print("main is done")


asyncio.run(main())
