import asyncio
import os
import signal


def press_ctrl_c() -> None:
    os.kill(os.getpid(), signal.SIGINT)


async def main() -> None:
    loop = asyncio.get_running_loop()
    loop.call_later(0.1, press_ctrl_c)
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("main: cancelled; cleaning up for 0.5 s")
        loop.call_later(0.2, press_ctrl_c)  # impatient: Ctrl-C again
        await asyncio.sleep(0.5)  # say, closing connections
        print("main: cleaned up")
        raise


try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("KeyboardInterrupt")
