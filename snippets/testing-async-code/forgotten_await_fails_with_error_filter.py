import pytest

# What a project puts in its settings, `filterwarnings = ["error"]`:
# every warning becomes an error, and fails the test it comes from.
pytestmark = pytest.mark.filterwarnings("error")


async def save(note: str) -> None:
    raise OSError("disk full")  # a bug the test should have found


@pytest.mark.asyncio
async def test_save_does_not_fail() -> None:
    save("buy milk")  # the await is missing: save never runs
