import asyncio
import gc


async def wait_for_signal() -> None:
    signal = asyncio.get_running_loop().create_future()  # nobody else holds it
    try:
        await signal
        print("never printed")
    finally:
        print("the task's finally block runs")


async def main() -> None:
    asyncio.create_task(wait_for_signal())  # the mistake: nothing keeps it
    await asyncio.sleep(0.1)  # the task starts and suspends on its future
    gc.collect()  # a garbage collection that happens to run now
    print("main goes on")


asyncio.run(main())
