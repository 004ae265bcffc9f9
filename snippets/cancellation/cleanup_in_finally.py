import asyncio


class Connection:
    def __init__(self, name: str) -> None:
        self.name = name
        print(f"{name}: opened")

    def close(self) -> None:
        print(f"{self.name}: closed")


async def download(name: str) -> None:
    connection = Connection(name)
    try:
        await asyncio.sleep(10)  # a long transfer
    finally:
        connection.close()  # runs however the task ends, cancelled too


async def main() -> None:
    task = asyncio.create_task(download("mirror-1"))
    await asyncio.sleep(0.1)
    task.cancel()
    await asyncio.wait([task])
    print(f"cancelled: {task.cancelled()}")


asyncio.run(main())
