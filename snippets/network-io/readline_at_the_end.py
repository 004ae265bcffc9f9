import asyncio


async def send_three_lines(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    writer.write(b"first\nsecond\nthird, with no newline")
    await writer.drain()
    writer.close()  # the end of the stream
    await writer.wait_closed()


async def main() -> None:
    server = await asyncio.start_server(send_three_lines, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while line := await reader.readline():  # b"" only at the end
            print(f"line: {line!r}")
        print(f"then readline() returns {await reader.readline()!r}, again")
        writer.close()
        await writer.wait_closed()


asyncio.run(main())
