import asyncio
import threading


async def look_up(key: str) -> str:
    await asyncio.sleep(0.1)  # async work, done by the loop
    return f"{key}={len(key)} ({threading.current_thread().name})"


def plain_thread(loop: asyncio.AbstractEventLoop) -> None:
    name = threading.current_thread().name
    # Hand a coroutine to the loop in the main thread, and block this
    # thread (only this one) until its result comes back.
    future = asyncio.run_coroutine_threadsafe(look_up("colour"), loop)
    print(f"{name} got: {future.result(timeout=5)}")


async def main() -> None:
    loop = asyncio.get_running_loop()
    worker = threading.Thread(target=plain_thread, args=(loop,), name="worker")
    worker.start()
    await asyncio.to_thread(worker.join)  # wait without blocking the loop
    print("main: the worker is done")


asyncio.run(main())
