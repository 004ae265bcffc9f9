import asyncio


async def wake_up_later() -> None:
    await asyncio.sleep(1)
    print("awake after one second")


def main() -> None:
    asyncio.run(wake_up_later())
    print("back in plain, synchronous code")


if __name__ == "__main__":
    main()
