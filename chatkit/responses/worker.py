"""The Channels worker that runs answers: `manage.py runworker chatkit-responses`.

Run any number of them, on any machine that reaches the database and Redis; each turn is
taken by one of them. Web processes then only move frames (`CHATKIT_EXECUTOR=workers`).
"""

from __future__ import annotations

import asyncio
from typing import Any

from channels.consumer import AsyncConsumer

from chatkit.responses import RESPONSES_CHANNEL, ensure_started, shutdown
from chatkit.responses.host import host
from chatkit.responses.turn import Turn

# How long a worker that is shutting down waits before handing a new turn back.
HAND_BACK_DELAY = 0.5


class ResponseWorker(AsyncConsumer):
    async def response_run(self, message: dict[str, Any]) -> None:
        await ensure_started()
        if shutdown.in_progress:
            # Another worker (or this one's replacement) takes it.
            await asyncio.sleep(HAND_BACK_DELAY)
            await self.channel_layer.send(RESPONSES_CHANNEL, message)
            return
        host.run(Turn.model_validate(message["turn"]))
