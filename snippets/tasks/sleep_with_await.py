import asyncio
import time


async def report_later(delay: float, message: str) -> None:
    await asyncio.sleep(delay)
    print(message)


async def main() -> None:
    start = time.perf_counter()
    short = asyncio.create_task(report_later(1, "after 1 s"))
    long = asyncio.create_task(report_later(2, "after 2 s"))
    await short
    await long
    elapsed = int(time.perf_counter() - start)  # whole seconds, rounded down
    print(f"main took {elapsed} s")


asyncio.run(main())
