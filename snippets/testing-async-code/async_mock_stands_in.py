from typing import Protocol
from unittest.mock import AsyncMock, Mock

import pytest


class Sender(Protocol):
    async def send(self, user: str, text: str) -> None: ...


async def notify(client: Sender, users: list[str]) -> None:
    for user in users:
        await client.send(user, "the build is green")


@pytest.mark.asyncio
async def test_notify_awaits_a_send_per_user() -> None:
    client = AsyncMock(spec=Sender)  # awaitable methods, Sender's only
    await notify(client, ["ada", "bob"])
    assert client.send.await_count == 2
    client.send.assert_awaited_with("bob", "the build is green")


@pytest.mark.asyncio
async def test_a_plain_mock_cannot_stand_in() -> None:
    with pytest.raises(TypeError, match="await"):  # Mock().send() returns
        await notify(Mock(), ["ada"])  # a Mock, which cannot be awaited


def test_the_spec_refuses_a_typo() -> None:
    with pytest.raises(AttributeError):
        _ = AsyncMock(spec=Sender).sned  # not a method of Sender
