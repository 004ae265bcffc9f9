import asyncio
import faulthandler
import time


def read_settings() -> None:
    time.sleep(1)  # blocks the thread: the loop and every task stand still


async def main() -> None:
    # A watchdog thread prints every thread's stack if the program is still
    # here 0.5 s later: unlike asyncio.all_tasks(), it needs nothing from
    # the loop, which is stuck.
    faulthandler.dump_traceback_later(0.5)
    try:
        await asyncio.sleep(0.1)
        read_settings()
        print("main: the settings are read; the program goes on")
    finally:
        faulthandler.cancel_dump_traceback_later()


asyncio.run(main())
