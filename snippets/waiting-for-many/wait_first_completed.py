import asyncio
import math
import time

START = time.perf_counter()


async def ask(mirror: str, seconds: float) -> str:
    await asyncio.sleep(seconds)
    return mirror


async def main() -> None:
    tasks = {
        asyncio.create_task(ask(mirror, seconds))
        for mirror, seconds in [("eu", 0.3), ("us", 0.1), ("asia", 0.5)]
    }
    done, pending = await asyncio.wait(
        tasks, return_when=asyncio.FIRST_COMPLETED
    )
    now = math.floor((time.perf_counter() - START) * 10) / 10
    print(f"first answer at {now:.1f} s: {[task.result() for task in done]}")
    print(f"still running: {sum(not task.done() for task in pending)}")
    for task in pending:
        task.cancel()  # wait() leaves that to us
    if pending:  # wait() refuses an empty set
        await asyncio.wait(pending)  # reports, raises nothing of theirs
    print(
        f"cancelled the {len(pending)} others: "
        f"{all(task.cancelled() for task in pending)}"
    )


asyncio.run(main())
