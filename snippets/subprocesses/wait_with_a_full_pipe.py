import asyncio
import sys

# The child writes 1 MB: more than the pipe and asyncio's buffer hold.
CHILD = "import sys; sys.stdout.write('x' * 1_000_000)"


async def start() -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-c", CHILD, stdout=asyncio.subprocess.PIPE
    )


async def wait_at_most(child: asyncio.subprocess.Process) -> str:
    try:
        async with asyncio.timeout(1):
            return f"returned {await child.wait()}"
    except TimeoutError:
        return "still waiting after 1 s"


async def main() -> None:
    child = await start()
    print(f"wait(): {await wait_at_most(child)}")  # the child is stuck
    child.kill()
    print(f"after kill(), wait(): {await wait_at_most(child)}")
    await child.communicate()  # reads what is left: now it ends

    child = await start()
    output, _ = await child.communicate()  # reads while it waits
    print(f"communicate(): {len(output):,} bytes, status {child.returncode}")


asyncio.run(main())
