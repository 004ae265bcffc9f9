import asyncio


async def save(record: str) -> None:
    await asyncio.sleep(0.1)
    print(f"saved {record}")


async def main() -> None:
    save("order-42")  # missing await: nothing is saved
    print("main is done")


asyncio.run(main())
