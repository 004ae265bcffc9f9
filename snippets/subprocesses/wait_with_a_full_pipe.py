import asyncio
import sys

# The child writes 1 MB: more than the pipe between the two processes holds.
CHILD = "import sys; sys.stdout.write('x' * 1_000_000)"


async def start() -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-c", CHILD, stdout=asyncio.subprocess.PIPE
    )


async def main() -> None:
    child = await start()
    try:
        async with asyncio.timeout(1):
            await child.wait()  # nobody reads: the child blocks on write
    except TimeoutError:
        print("wait(): still waiting after 1 s; the child is stuck writing")
    child.kill()
    await child.communicate()  # wait() would hang here too: read, then reap

    child = await start()
    output, _ = await child.communicate()  # reads while it waits
    print(f"communicate(): {len(output):,} bytes, status {child.returncode}")


asyncio.run(main())
