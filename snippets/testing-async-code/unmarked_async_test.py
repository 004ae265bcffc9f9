import asyncio


async def add(a: int, b: int) -> int:
    await asyncio.sleep(0)
    return a + b


async def test_wrong_sum() -> None:  # no @pytest.mark.asyncio
    assert await add(2, 2) == 5
