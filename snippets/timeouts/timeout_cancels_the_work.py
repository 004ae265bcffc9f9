import asyncio
import time

START = time.perf_counter()


async def slow_report() -> None:
    begin, note = time.perf_counter() - START, ""
    try:
        await asyncio.sleep(1.0)  # would take one second
    except asyncio.CancelledError:
        note = " (cancelled)"
        raise
    finally:  # runs when the timeout cancels it, too
        end = time.perf_counter() - START
        print(f"report: from {begin:.1f} s to {end:.1f} s{note}")


async def main() -> None:
    try:
        async with asyncio.timeout(0.4):
            await slow_report()
    except TimeoutError:
        now = time.perf_counter() - START
        print(f"main: TimeoutError at {now:.1f} s, and carries on")


asyncio.run(main())
