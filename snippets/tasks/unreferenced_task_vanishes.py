import asyncio
import gc


async def wait_for_signal() -> None:
    signal = asyncio.get_running_loop().create_future()  # nobody else holds it
    await signal
    print("never printed")


async def main() -> None:
    asyncio.create_task(wait_for_signal())  # noqa: RUF006 - the mistake shown here
    await asyncio.sleep(0.1)  # the task starts and suspends on its future
    gc.collect()  # a garbage collection that happens to run now
    print("main goes on")


asyncio.run(main())
