import asyncio

Tasks = set[asyncio.Task[str]]


def start() -> Tasks:
    return {
        asyncio.create_task(asyncio.sleep(seconds, result=name))
        for name, seconds in [("a", 0.1), ("b", 0.2)]
    }


async def next_done(pending: Tasks) -> Tasks:
    done, pending = await asyncio.wait(
        pending, return_when=asyncio.FIRST_COMPLETED
    )
    print(f"  got {sorted(task.result() for task in done)}")
    return pending


async def main() -> None:
    print("while True:")
    pending = start()
    try:
        while True:  # the last round waits on an empty set
            pending = await next_done(pending)
    except ValueError as error:
        print(f"  ValueError: {error}")
    print("while pending:")
    pending = start()
    while pending:  # stops when nothing is left to wait for
        pending = await next_done(pending)
    print("  all done")


asyncio.run(main())
