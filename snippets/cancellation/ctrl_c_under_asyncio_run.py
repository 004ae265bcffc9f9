import asyncio
import os
import signal


async def background(main_cleaning: asyncio.Event) -> None:
    await main_cleaning.wait()
    print("background: still running while main cleans up")
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("background: cancelled by asyncio.run, after main ended")
        raise


async def main() -> None:
    main_cleaning = asyncio.Event()
    other = asyncio.create_task(background(main_cleaning))
    loop = asyncio.get_running_loop()
    loop.call_later(0.2, os.kill, os.getpid(), signal.SIGINT)  # Ctrl-C
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("main: cancelled, cleaning up")
        main_cleaning.set()
        await asyncio.sleep(0.2)  # a clean-up that itself awaits
        print(f"main: cleaned up; the other task is done: {other.done()}")
        raise


try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("asyncio.run then raised KeyboardInterrupt")
