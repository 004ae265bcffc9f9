import asyncio
import math
import time
from concurrent.futures import ThreadPoolExecutor


def blocking_lookup(name: str) -> str:
    time.sleep(0.2)  # a library call that blocks, such as a database driver
    return f"{name}: found"


async def main(pool: ThreadPoolExecutor) -> None:
    loop = asyncio.get_running_loop()
    start = time.perf_counter()
    answers = await asyncio.gather(
        *(
            loop.run_in_executor(pool, blocking_lookup, name)
            for name in ("ann", "bob", "cid", "dee")
        )
    )
    print(answers)
    elapsed = math.floor((time.perf_counter() - start) * 10) / 10
    print(f"four 0.2 s calls on two threads: {elapsed:.1f} s")


# Leaving the with block waits for the threads: outside the event loop.
with ThreadPoolExecutor(max_workers=2) as pool:  # two threads at most
    asyncio.run(main(pool))
