import asyncio
import socket
import struct

handler_done = asyncio.Event()


async def serve(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    try:
        await reader.read()  # until the client is done
    except ConnectionResetError as error:
        print(f"read(): {error!r}")
    writer.close()
    try:
        await writer.wait_closed()
    except ConnectionResetError as error:
        print(f"wait_closed(): {error!r}")
    handler_done.set()


async def main() -> None:
    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        # Linger zero seconds: close() resets the connection (a TCP RST)
        # instead of ending it in order.
        linger = struct.pack("ii", 1, 0)
        sock = writer.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
        writer.close()
        await writer.wait_closed()
        await handler_done.wait()


asyncio.run(main())
