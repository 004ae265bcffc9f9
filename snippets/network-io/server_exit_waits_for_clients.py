import asyncio


async def main() -> None:
    handler_done = asyncio.Event()

    async def hold_open(
        reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        await reader.read()  # until the client closes its side
        writer.close()
        await writer.wait_closed()
        handler_done.set()

    server = await asyncio.start_server(hold_open, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    _, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        async with asyncio.timeout(0.3):
            async with server:
                pass  # leaving the block, with one client connected
        print("left the server's block at once")
    except TimeoutError:
        print("still leaving the block after 0.3 s: a client is connected")
    writer.close()  # the client hangs up
    await writer.wait_closed()
    await handler_done.wait()
    await server.wait_closed()
    print("client gone, server closed")


asyncio.run(main())
