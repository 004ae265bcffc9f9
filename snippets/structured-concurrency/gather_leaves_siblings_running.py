import asyncio
import math
import time

START = time.perf_counter()
spans: dict[str, str] = {}  # what each job did, printed at the end


def since(start: float) -> float:
    """Seconds since `start`, to the tenth below: a wait never ends early."""
    return math.floor((time.perf_counter() - start) * 10) / 10


async def job(name: str, seconds: float, fails: bool = False) -> None:
    begin, note = since(START), ""
    try:
        await asyncio.sleep(seconds)
        if fails:
            raise ValueError(f"job {name} failed")
    except asyncio.CancelledError:
        note = " (cancelled)"
        raise
    except ValueError:
        note = " (failed)"
        raise
    finally:
        end = since(START)
        spans[name] = f"{name}: from {begin:.1f} s to {end:.1f} s{note}"


async def main() -> None:
    try:
        await asyncio.gather(
            job("a", 0.5), job("b", 0.2, fails=True), job("c", 1.0)
        )
    except ValueError as error:
        now = since(START)
        print(f"gather raised {error!r} at {now:.1f} s")
    await asyncio.sleep(1.2)  # meanwhile, nobody stops a and c
    for name in sorted(spans):
        print(spans[name])


asyncio.run(main())
