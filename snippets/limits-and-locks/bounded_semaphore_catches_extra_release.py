import asyncio


async def main() -> None:
    for kind in (asyncio.Semaphore, asyncio.BoundedSemaphore):
        limit = kind(2)
        try:
            limit.release()  # a release with no acquire before it: a bug
            holders = 0
            while not limit.locked():
                await limit.acquire()
                holders += 1
            print(f"{kind.__name__}(2) now lets {holders} in at once")
        except ValueError as error:
            print(f"{kind.__name__}(2): ValueError: {error}")


asyncio.run(main())
