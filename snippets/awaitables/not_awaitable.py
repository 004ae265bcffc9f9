import asyncio


def compute() -> int:  # a plain function: its result is an int
    return 42


async def main() -> None:
    print(await compute())


asyncio.run(main())
