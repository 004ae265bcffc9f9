import pytest


async def save(note: str) -> None:
    raise OSError("disk full")  # a bug the test should have found


@pytest.mark.asyncio
async def test_save_does_not_fail() -> None:
    save("buy milk")  # the await is missing: save never runs
