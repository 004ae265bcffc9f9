import asyncio
import time


async def wait_one_second(name: str) -> str:
    await asyncio.sleep(1)
    return name


async def main() -> None:
    start = time.perf_counter()
    first = asyncio.create_task(wait_one_second("first"))
    second = asyncio.create_task(wait_one_second("second"))
    print(await first, await second)
    print(f"two one-second tasks took {time.perf_counter() - start:.1f} s")


asyncio.run(main())
