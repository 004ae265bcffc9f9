import asyncio
import time


async def parse(report: str) -> int:
    time.sleep(0.2)  # blocks the loop: debug mode reports it
    return len(report)


async def main() -> None:
    print(f"parsed {await parse('a long report')} characters")


asyncio.run(main(), debug=True)  # report steps of 0.1 s or more
