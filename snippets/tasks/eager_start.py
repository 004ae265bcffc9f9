import asyncio


async def report(name: str) -> None:
    print(f"{name} starts")
    await asyncio.sleep(0.1)
    print(f"{name} ends")


async def main() -> None:
    task = asyncio.create_task(report("eager"), eager_start=True)  # 3.14+
    print("create_task returned")  # the task already ran to its first await
    await task


asyncio.run(main())
