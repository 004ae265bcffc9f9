import asyncio


async def fetch_greeting(name: str) -> str:
    await asyncio.sleep(0.1)  # stands in for waiting on a server
    return f"hello, {name}"


async def main() -> None:  # async from here down: plain awaits
    for name in ("Ada", "Grace"):
        print(await fetch_greeting(name))


if __name__ == "__main__":
    asyncio.run(main())  # the one crossing from sync code into async code
