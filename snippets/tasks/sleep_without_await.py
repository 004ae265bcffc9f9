import asyncio
import time


async def report_later(delay: float, message: str) -> None:
    asyncio.sleep(delay)  # the mistake: no await, so nothing waits
    print(message)


async def main() -> None:
    start = time.perf_counter()
    short = asyncio.create_task(report_later(1, "after 1 s, or so it claims"))
    long = asyncio.create_task(report_later(2, "after 2 s, or so it claims"))
    await short
    await long
    print(f"main took {time.perf_counter() - start:.1f} s")


asyncio.run(main())
