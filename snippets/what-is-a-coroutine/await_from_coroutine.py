import asyncio


async def greet(name: str) -> str:
    await asyncio.sleep(0.1)
    return f"hello, {name}"


async def main() -> None:
    message = await greet("Ada")
    print(message)


asyncio.run(main())
