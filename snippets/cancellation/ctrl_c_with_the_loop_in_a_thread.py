import asyncio
import os
import signal
import threading

finished = threading.Event()


async def work() -> None:
    try:
        await asyncio.sleep(0.5)
        print("loop thread: the task finished; nothing cancelled it")
    except asyncio.CancelledError:
        print("loop thread: cancelled")
        raise


def run_the_loop() -> None:
    asyncio.run(work())
    finished.set()


threading.Thread(target=run_the_loop).start()
threading.Timer(0.1, os.kill, (os.getpid(), signal.SIGINT)).start()
try:
    finished.wait()
except KeyboardInterrupt:
    print("main thread: KeyboardInterrupt")
    finished.wait()
