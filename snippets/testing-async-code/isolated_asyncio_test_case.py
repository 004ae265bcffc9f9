import asyncio
import unittest


async def shout_back(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    writer.write((await reader.readline()).upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


class ShoutServerTest(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self) -> None:  # runs in the test's own loop
        # Debug mode reports each step that takes 0.1 s or more by the
        # clock (time.monotonic); on a busy machine any step can, so report
        # only those that take a second or more.
        asyncio.get_running_loop().slow_callback_duration = 1.0
        self.server = await asyncio.start_server(shout_back, "127.0.0.1", 0)
        self.port = self.server.sockets[0].getsockname()[1]

    async def asyncTearDown(self) -> None:
        self.server.close()
        await self.server.wait_closed()

    async def test_answers_in_capitals(self) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        writer.write(b"hello\n")
        self.assertEqual(await reader.readline(), b"HELLO\n")
        writer.close()
        await writer.wait_closed()

    async def test_a_silent_client_gets_nothing(self) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        with self.assertRaises(TimeoutError):
            async with asyncio.timeout(0.1):
                await reader.readline()
        writer.close()
        await writer.wait_closed()


if __name__ == "__main__":
    unittest.main(verbosity=2)
