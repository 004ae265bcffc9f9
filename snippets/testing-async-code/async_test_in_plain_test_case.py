import asyncio
import unittest


async def add(a: int, b: int) -> int:
    await asyncio.sleep(0)
    return a + b


class AdditionTest(unittest.TestCase):  # not IsolatedAsyncioTestCase
    async def test_wrong_sum(self) -> None:
        self.assertEqual(await add(2, 2), 5)  # never runs


if __name__ == "__main__":
    unittest.main(verbosity=2)
