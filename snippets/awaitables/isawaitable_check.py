import asyncio
import inspect


async def compute() -> int:
    return 42


async def main() -> None:
    coroutine = compute()
    task = asyncio.create_task(compute())
    future = asyncio.get_running_loop().create_future()
    candidates = {
        "coroutine object": coroutine,
        "Task": task,
        "Future": future,
        "coroutine function": compute,
        "int": 42,
    }
    for label, candidate in candidates.items():
        print(f"{label:>18}: {inspect.isawaitable(candidate)}")
    await coroutine
    await task
    future.cancel()


asyncio.run(main())
