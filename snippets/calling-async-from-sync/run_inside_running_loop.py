import asyncio


async def fetch_greeting() -> str:
    await asyncio.sleep(0.1)
    return "hello"


async def main() -> None:
    greeting = asyncio.run(fetch_greeting())  # a loop is already running here
    print(greeting)


asyncio.run(main())
