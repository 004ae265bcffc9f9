import asyncio
import sys

CHILD = "import time; time.sleep(10)"  # a command that hangs


async def main() -> None:
    child = await asyncio.create_subprocess_exec(sys.executable, "-c", CHILD)
    try:
        async with asyncio.timeout(0.3):
            await child.wait()
    except TimeoutError:
        print(f"timed out; the child's status: {child.returncode}")
        child.kill()  # the timeout stopped our waiting, not the child
        await child.wait()  # until it has ended
        print(f"killed; the child's status: {child.returncode}")


asyncio.run(main())
