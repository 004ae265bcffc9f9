import asyncio
from contextvars import ContextVar

user: ContextVar[str] = ContextVar("user", default="nobody")


async def log_in(caller: asyncio.Task[None] | None) -> None:
    same = asyncio.current_task() is caller
    print(f"  runs in the caller's task: {same}")
    user.set("ada")


async def main() -> None:
    me = asyncio.current_task()
    print("wait_for:")
    await asyncio.wait_for(log_in(me), timeout=1)
    print(f"  the caller sees user = {user.get()}")
    user.set("nobody")  # start again from the same state
    print("timeout:")
    async with asyncio.timeout(1):
        await log_in(me)
    print(f"  the caller sees user = {user.get()}")


asyncio.run(main())
