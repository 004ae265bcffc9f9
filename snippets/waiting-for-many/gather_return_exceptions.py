import asyncio


async def fetch(name: str, seconds: float, fails: bool = False) -> str:
    await asyncio.sleep(seconds)
    if fails:
        raise ConnectionError(f"{name}: connection reset")
    return f"{name} fetched"


async def main() -> None:
    results = await asyncio.gather(
        fetch("a", 0.1),
        fetch("b", 0.2, fails=True),
        fetch("c", 0.3),
        return_exceptions=True,  # exceptions come back as results
    )
    for result in results:
        if isinstance(result, BaseException):  # check every result
            print(f"failed: {result!r}")
        else:
            print(f"ok: {result}")


asyncio.run(main())
