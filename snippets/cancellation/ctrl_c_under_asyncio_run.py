import asyncio
import os
import signal


async def main() -> None:
    loop = asyncio.get_running_loop()
    loop.call_later(0.2, os.kill, os.getpid(), signal.SIGINT)  # Ctrl-C
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("main: cancelled by asyncio.run, cleaning up")
        raise


try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("asyncio.run then raised KeyboardInterrupt")
