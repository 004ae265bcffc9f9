import asyncio
import time

START = time.perf_counter()


async def step(name: str, seconds: float) -> None:
    await asyncio.sleep(seconds)
    print(f"{name} done at {time.perf_counter() - START:.1f} s")


async def main() -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 0.5  # one deadline for the whole job
    try:
        async with asyncio.timeout_at(deadline):
            await step("download", 0.2)
        async with asyncio.timeout_at(deadline):  # what is left of it
            await step("convert", 0.2)
        async with asyncio.timeout_at(deadline):
            await step("upload", 0.2)
    except TimeoutError:
        now = time.perf_counter() - START
        print(f"out of time at {now:.1f} s")


asyncio.run(main())
