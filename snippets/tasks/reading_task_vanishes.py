import asyncio
import gc
import socket


async def read_a_line(sock: socket.socket) -> None:
    reader, _ = await asyncio.open_connection(sock=sock)
    try:
        line = await reader.readline()  # waits for data that never comes
        print(f"read {line!r}")
    finally:
        print("the reader task's finally block runs")


async def main() -> None:
    ours, theirs = socket.socketpair()  # a real connection, nothing sent on it
    asyncio.create_task(read_a_line(theirs))  # the mistake: nothing keeps it
    await asyncio.sleep(0.1)
    gc.collect()
    print("main goes on")
    ours.close()


asyncio.run(main())
