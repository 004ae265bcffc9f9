import asyncio

DONE = None  # a value no real item can be: "no more items"


async def consume(name: str, queue: asyncio.Queue[int | None]) -> None:
    while (item := await queue.get()) is not DONE:
        print(f"{name}: got {item}")
    print(f"{name}: got the sentinel, stopping")


async def main() -> None:
    queue: asyncio.Queue[int | None] = asyncio.Queue()
    consumers = ("c1", "c2")
    async with asyncio.TaskGroup() as group:
        for name in consumers:
            group.create_task(consume(name, queue))
        for item in range(3):
            queue.put_nowait(item)
        for _ in consumers:
            queue.put_nowait(DONE)  # one sentinel per consumer


asyncio.run(main())
