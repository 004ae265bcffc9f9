import asyncio

import pytest


@pytest.mark.anyio
async def test_answer_after_a_pause() -> None:
    await asyncio.sleep(0.01)
    assert 6 * 7 == 42
