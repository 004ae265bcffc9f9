import asyncio


async def save(record: str) -> None:
    await asyncio.sleep(0.1)
    print(f"saved {record}")


def schedule_save(record: str) -> None:
    save(record)  # missing await (and this is not even async)


async def main() -> None:
    # Report only steps slower than 1 s (0.1 s, the default, is easy to
    # reach on a busy machine, and this example is about something else).
    asyncio.get_running_loop().slow_callback_duration = 1
    schedule_save("order-42")
    print("main is done")


asyncio.run(main())
