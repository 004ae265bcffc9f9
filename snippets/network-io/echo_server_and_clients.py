import asyncio


async def shout_back(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    line = await reader.readline()  # one line from the client
    writer.write(line.upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def ask(port: int, name: str) -> str:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"hello from {name}\n".encode())
    await writer.drain()
    answer = await reader.readline()
    writer.close()
    await writer.wait_closed()
    return answer.decode().strip()


async def main() -> None:
    # Port 0: the system picks a free port; only this machine can connect.
    server = await asyncio.start_server(shout_back, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:  # closes the server at the end of the block
        answers = await asyncio.gather(
            *(ask(port, f"client {n}") for n in range(1, 4))
        )
    for answer in answers:
        print(answer)
    print(f"server still serving: {server.is_serving()}")


asyncio.run(main())
