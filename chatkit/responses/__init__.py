"""Answers, run apart from the websockets that ask for them (SPEC §7).

A handler stores the visitor's side of a turn and calls `submit`; the executor runs the
agent in this process (`CHATKIT_EXECUTOR=inprocess`, the default) or on a Channels worker
(`workers`), numbers, stores and publishes the events on the thread bus. Every client,
the one that asked included, receives them by following the thread (`Follower`). Closing a
websocket never stops an answer; `cancel` does, from any process.
"""

from __future__ import annotations

import logging

from channels.layers import get_channel_layer
from django.conf import settings

from chatkit import store
from chatkit.responses import shutdown
from chatkit.responses.bus import bus, thread_group
from chatkit.responses.follower import Follower
from chatkit.responses.host import announce, answer_group, host
from chatkit.responses.runner import interrupted_error
from chatkit.responses.turn import Turn

__all__ = [
    "RESPONSES_CHANNEL",
    "Follower",
    "Turn",
    "announce",
    "bus",
    "cancel",
    "ensure_started",
    "submit",
    "thread_group",
]

RESPONSES_CHANNEL = "chatkit-responses"
log = logging.getLogger(__name__)


async def ensure_started() -> None:
    """Start this process's bus, answer host and SIGTERM handling (once per event loop)."""
    await bus.start()
    await host.start()
    shutdown.install()
    shutdown.on_shutdown(_drain_answers)


async def _drain_answers() -> None:
    await host.drain(settings.CHATKIT_SHUTDOWN_GRACE)


async def submit(turn: Turn) -> None:
    """Run the turn: here, or on whichever worker takes it first."""
    if settings.CHATKIT_EXECUTOR != "workers":
        host.run(turn)
        return
    try:
        await get_channel_layer().send(
            RESPONSES_CHANNEL, {"type": "response.run", "turn": turn.model_dump()}
        )
    except Exception:
        # Redis is down, or the workers are so far behind that the queue is full: the
        # visitor gets a retryable error now rather than after the lease.
        log.exception("could not hand response %s to a worker", turn.response_id)
        interrupted = await store.ainterrupt(turn.thread_id, turn.response_id, interrupted_error())
        if interrupted is not None:
            await announce(interrupted)


async def cancel(thread_id: str) -> None:
    """Stop the thread's running answer wherever it runs (it keeps what it said)."""
    if not await store.arequest_cancel(thread_id):
        return
    if not host.cancel(thread_id):
        await bus.send_to_group(
            answer_group(thread_id), {"type": "answer.cancel", "thread_id": thread_id}
        )
