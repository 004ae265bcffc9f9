import asyncio
from contextvars import ContextVar

request_id: ContextVar[str] = ContextVar("request_id", default="-")


def log(message: str) -> None:
    print(f"[{request_id.get()}] {message}")  # no argument passed down


async def save(step: float) -> None:
    await asyncio.sleep(step)
    log("saved")


async def handle(name: str, step: float) -> None:
    request_id.set(name)  # set in this task's own copy of the context
    log("started")
    await asyncio.sleep(step)
    # A task made here starts with a copy of the context, value included.
    await asyncio.create_task(save(step))


async def main() -> None:
    async with asyncio.TaskGroup() as group:
        group.create_task(handle("req-1", 0.1))
        group.create_task(handle("req-2", 0.15))
    log("main never saw either value")


asyncio.run(main())
