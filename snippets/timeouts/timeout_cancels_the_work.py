import asyncio
import math
import time

START = time.perf_counter()


def since(start: float) -> float:
    """Seconds since `start`, to the tenth below: a wait never ends early."""
    return math.floor((time.perf_counter() - start) * 10) / 10


async def slow_report() -> None:
    begin, note = since(START), ""
    try:
        await asyncio.sleep(1.0)  # would take one second
    except asyncio.CancelledError:
        note = " (cancelled)"
        raise
    finally:  # runs when the timeout cancels it, too
        end = since(START)
        print(f"report: from {begin:.1f} s to {end:.1f} s{note}")


async def main() -> None:
    try:
        async with asyncio.timeout(0.4):
            await slow_report()
    except TimeoutError:
        now = since(START)
        print(f"main: TimeoutError at {now:.1f} s, and carries on")


asyncio.run(main())
