import subprocess
import sys
import time

HUNG = """
import asyncio


async def wait_for_reply(reply: asyncio.Event) -> None:
    print("waiting for a reply", flush=True)
    await reply.wait()  # nobody ever sets it: the program hangs here


async def main() -> None:
    async with asyncio.TaskGroup() as group:
        group.create_task(wait_for_reply(asyncio.Event()), name="reply")


asyncio.run(main())
"""

hung = subprocess.Popen(
    [sys.executable, "-c", HUNG], stdout=subprocess.PIPE, text=True
)
try:
    assert hung.stdout is not None
    print("the hung program says:", hung.stdout.readline().strip())
    time.sleep(0.2)  # by now it is stuck in reply.wait()
    for command in ("ps", "pstree"):  # 3.14+: look into another process
        print(f"$ python -m asyncio {command} <its process ID>")
        done = subprocess.run(
            [sys.executable, "-m", "asyncio", command, str(hung.pid)],
            stdin=subprocess.DEVNULL,  # before 3.14 this starts a console
            capture_output=True,
            text=True,
        )
        print((done.stdout + done.stderr).rstrip())
finally:
    hung.kill()
    hung.wait()
