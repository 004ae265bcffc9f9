import asyncio
import os
import signal


async def main() -> None:
    loop = asyncio.get_running_loop()
    # what `docker stop` or systemd sends first
    loop.call_later(0.1, os.kill, os.getpid(), signal.SIGTERM)
    try:
        print("serving")
        await asyncio.sleep(10)
    finally:
        print("finally: closing connections")  # never runs


asyncio.run(main())
