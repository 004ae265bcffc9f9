import asyncio
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio


async def shout_back(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    writer.write((await reader.readline()).upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


@pytest_asyncio.fixture
async def port() -> AsyncIterator[int]:
    server = await asyncio.start_server(shout_back, "127.0.0.1", 0)
    async with server:  # the server runs while the test does
        yield server.sockets[0].getsockname()[1]


@pytest.mark.asyncio
async def test_answers_in_capitals(port: int) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"hello\n")
    assert await reader.readline() == b"HELLO\n"
    writer.close()
    await writer.wait_closed()


@pytest.mark.asyncio
async def test_a_silent_client_gets_nothing(port: int) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    with pytest.raises(TimeoutError):
        async with asyncio.timeout(0.1):
            await reader.readline()
    writer.close()
    await writer.wait_closed()
