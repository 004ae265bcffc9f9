import asyncio
import sys

CHILD = "import sys; print('hello from the child'); sys.exit(3)"


async def main() -> None:
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-c", CHILD, stdout=asyncio.subprocess.PIPE
    )
    output, errors = await child.communicate()  # reads to the end, waits
    print(f"it printed {output.decode()!r}")
    print(f"its errors: {errors} (stderr was not piped)")
    print(f"its exit status: {child.returncode}")


asyncio.run(main())
