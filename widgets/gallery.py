"""The built-in widget gallery and the demo agent's widget commands."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from chatkit import protocol as p


async def demo_widget_events(agent, ctx, name: str) -> AsyncIterator[p.ThreadStreamEvent]:
    message = ctx.assistant_message()
    yield message.added()
    yield message.delta("The widget gallery is not installed yet.")
    yield message.done()


async def demo_action_events(agent, ctx, action, sender) -> AsyncIterator[p.ThreadStreamEvent]:
    return
    yield


def demo_sync_action(action, sender) -> dict[str, Any] | None:
    return None


def install_gallery() -> int:
    return 0
