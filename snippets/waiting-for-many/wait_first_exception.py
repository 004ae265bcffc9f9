import asyncio


async def step(seconds: float, fails: bool = False) -> str:
    await asyncio.sleep(seconds)
    if fails:
        raise RuntimeError("broke")
    return "ok"


async def main() -> None:
    tasks = [
        asyncio.create_task(step(0.1), name="parse"),
        asyncio.create_task(step(0.2, fails=True), name="index"),
        asyncio.create_task(step(0.5), name="render"),
    ]
    _, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    for task in tasks:
        if task in pending:
            state = "still running"
        elif error := task.exception():
            state = f"failed with {error!r}"
        else:
            state = f"done: {task.result()}"
        print(f"{task.get_name()}: {state}")
    for task in pending:
        task.cancel()
    if pending:  # wait() refuses an empty set
        await asyncio.wait(pending)


asyncio.run(main())
