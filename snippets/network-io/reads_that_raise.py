import asyncio

Connection = tuple[asyncio.StreamReader, asyncio.StreamWriter]
ANSWERS = {
    b"long\n": b"x" * 2000 + b"\n",  # a line over the client's limit
    b"short\n": b"abc",  # 3 bytes, then the end of the stream
}


async def answer(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    writer.write(ANSWERS[await reader.readline()])
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def ask(port: int, question: bytes) -> Connection:
    # limit: the longest line readline() accepts (64 KiB by default)
    reader, writer = await asyncio.open_connection(
        "127.0.0.1", port, limit=1024
    )
    writer.write(question)
    await writer.drain()
    return reader, writer


async def main() -> None:
    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await ask(port, b"long\n")
        try:
            await reader.readline()
        except ValueError as error:
            print(f"readline(): ValueError: {error}")
        writer.close()
        await writer.wait_closed()

        reader, writer = await ask(port, b"short\n")
        try:
            await reader.readexactly(10)
        except asyncio.IncompleteReadError as error:
            print(f"readexactly(10): {error}; it got {error.partial!r}")
        writer.close()
        await writer.wait_closed()


asyncio.run(main())
