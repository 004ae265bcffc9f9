import asyncio


def on_reply(future: asyncio.Future[str], reply: str) -> None:
    """A plain callback, as a network library would call it."""
    print(f"callback: setting the result to {reply!r}")
    future.set_result(reply)


async def main() -> None:
    loop = asyncio.get_running_loop()
    future: asyncio.Future[str] = loop.create_future()
    loop.call_later(
        0.2, on_reply, future, "pong"
    )  # the "reply" arrives in 0.2 s
    print(f"waiting; done={future.done()}")
    reply = await future
    print(f"awoken with {reply!r}; done={future.done()}")


asyncio.run(main())
