import asyncio

import pytest


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"  # the loop this file's tests need


@pytest.mark.anyio
async def test_answer_after_a_pause() -> None:
    await asyncio.sleep(0.01)
    assert 6 * 7 == 42
