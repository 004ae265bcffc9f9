import asyncio
from collections.abc import AsyncGenerator
from contextlib import aclosing


async def lines(source: str) -> AsyncGenerator[str, None]:
    print(f"  {source}: opened")
    try:
        for number in range(1, 4):
            await asyncio.sleep(0.1)
            yield f"{source} line {number}"
    finally:
        print(f"  {source}: closed")  # clean-up: when does it run?


async def main() -> None:
    print("without aclosing:")
    async for line in lines("file-a"):
        print(f"  got {line}; stop")
        break  # file-a is left unfinished, suspended at its yield
    print("  main goes on, file-a still open")

    print("with aclosing:")
    async with aclosing(lines("file-b")) as stream:
        async for line in stream:
            print(f"  got {line}; stop")
            break
    print("  main goes on")


asyncio.run(main())
print("after asyncio.run")
