import asyncio
from contextvars import ContextVar, copy_context

request_id: ContextVar[str] = ContextVar("request_id", default="-")


def blocking_log(how: str) -> None:
    print(f"[{request_id.get()}] {how}")


async def main() -> None:
    request_id.set("req-7")
    await asyncio.to_thread(blocking_log, "asyncio.to_thread")
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, blocking_log, "run_in_executor")
    context = copy_context()  # take the context along by hand
    await loop.run_in_executor(
        None, context.run, blocking_log, "run_in_executor + context.run"
    )


asyncio.run(main())
