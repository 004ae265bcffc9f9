"""A small HTTP/1.1 server on 127.0.0.1 for the examples: nothing leaves the
machine. GET /page/<n> answers after n tenths of a second; the server counts
how many requests it was handling at most at once."""

import asyncio


class LocalServer:
    def __init__(self) -> None:
        self.busy = 0
        self.most_busy = 0

    async def handle(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        request = await reader.readline()  # "GET /page/3 HTTP/1.1"
        while await reader.readline() not in (b"\r\n", b""):
            pass  # skip the headers
        page = int(request.split()[1].rsplit(b"/", 1)[-1])
        self.busy += 1
        self.most_busy = max(self.most_busy, self.busy)
        await asyncio.sleep(page / 10)  # a slow page
        self.busy -= 1
        body = f"page {page}".encode()
        writer.write(
            b"HTTP/1.1 200 OK\r\nConnection: close\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    async def start(self) -> asyncio.Server:
        return await asyncio.start_server(self.handle, "127.0.0.1", 0)
