import asyncio

handler_done = asyncio.Event()


async def say_nothing(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    await reader.read()  # accepts the connection, never answers
    writer.close()
    await writer.wait_closed()
    handler_done.set()


async def main() -> None:
    server = await asyncio.start_server(say_nothing, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"are you there?\n")
        await writer.drain()
        try:
            async with asyncio.timeout(0.3):
                await reader.readline()
        except TimeoutError:
            print("no answer within 0.3 s: giving up on this server")
        writer.close()
        await writer.wait_closed()
        await handler_done.wait()  # before 3.12, the server would not wait


asyncio.run(main())
