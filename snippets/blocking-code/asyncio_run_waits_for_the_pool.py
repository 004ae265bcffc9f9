import asyncio
import asyncio.constants
import threading
import time

# How long asyncio.run waits for the default pool's threads (not public
# API: a constant of asyncio's source, missing before 3.12) ...
limit = getattr(asyncio.constants, "THREAD_JOIN_TIMEOUT", None)
print(f"THREAD_JOIN_TIMEOUT in seconds: {limit}")
# ... cut to a fifth of a second, to see what each version does with it.
asyncio.constants.THREAD_JOIN_TIMEOUT = 0.2

written = threading.Event()


def slow_write() -> None:
    time.sleep(1)
    written.set()
    print("thread: the write is done")


async def main() -> None:
    try:
        async with asyncio.timeout(0.1):
            await asyncio.to_thread(slow_write)
    except TimeoutError:
        print("main: gave up waiting after 0.1 s")


asyncio.run(main())
print(f"asyncio.run returned; the write was done: {written.is_set()}")
