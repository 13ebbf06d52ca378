"""The thread bus: how stored events reach everyone following a thread, in any process.

Each process keeps its followers in memory and delivers to them directly. When the channel
layer is shared (Redis), each process also has one channel of its own on it: it joins a
thread's group while it has followers of that thread, and everything published goes to
the group too, for the other processes. Messages on a shared layer can be dropped (capacity,
restarts); followers never rely on them alone: a gap in `seq` is filled from the store, and
a periodic check ends followers whose answer stopped without saying so.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from channels.layers import InMemoryChannelLayer, get_channel_layer
from django.conf import settings

from chatkit import store

log = logging.getLogger(__name__)


BUS_SUFFIX = "-bus"


def thread_group(thread_id: str) -> str:
    """The processes following a thread."""
    return f"thread.{thread_id}"


class Follower(Protocol):
    thread_id: str
    response_id: str | None

    def push(self, first_seq: int, events: list[dict[str, Any]]) -> None: ...

    def finish(self, response_id: str, last_seq: int | None) -> None: ...


ControlHandler = Callable[[dict[str, Any]], Awaitable[None]]


class ThreadBus:
    def __init__(self) -> None:
        self.followers: dict[str, set[Follower]] = {}
        self.handlers: dict[str, ControlHandler] = {}
        self.channel: str | None = None
        self.shared = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._tasks: list[asyncio.Task] = []

    def on(self, message_type: str, handler: ControlHandler) -> None:
        """Handle messages of this type sent to this process (see `send_to_group`)."""
        self.handlers[message_type] = handler

    async def start(self) -> None:
        """Start this process's part of the bus, once per event loop."""
        loop = asyncio.get_running_loop()
        if self._loop is loop:
            return
        self._loop = loop
        self.followers = {}
        layer = get_channel_layer()
        self.shared = layer is not None and not isinstance(layer, InMemoryChannelLayer)
        # A channel like the consumers' ("specific.<process>!..."): channels_redis fetches
        # all of a process's channels with one blocking pop only if they share that prefix.
        self.channel = f"{await layer.new_channel()}{BUS_SUFFIX}" if self.shared else None
        self._tasks = [loop.create_task(self._check_followers())]
        if self.shared:
            self._tasks.append(loop.create_task(self._listen()))

    # --- following ----------------------------------------------------------------------

    async def follow(self, follower: Follower) -> None:
        followers = self.followers.setdefault(follower.thread_id, set())
        first = not followers
        followers.add(follower)
        if first and self.shared:
            await get_channel_layer().group_add(thread_group(follower.thread_id), self.channel)

    async def unfollow(self, follower: Follower) -> None:
        followers = self.followers.get(follower.thread_id)
        if not followers or follower not in followers:
            return
        followers.discard(follower)
        if not followers:
            del self.followers[follower.thread_id]
            if self.shared:
                await get_channel_layer().group_discard(
                    thread_group(follower.thread_id), self.channel
                )

    # --- publishing ---------------------------------------------------------------------

    async def publish(self, thread_id: str, first_seq: int, events: list[dict[str, Any]]) -> None:
        """Stored events (numbered from `first_seq`) go to every follower of the thread."""
        for follower in list(self.followers.get(thread_id, ())):
            follower.push(first_seq, events)
        if self.shared:
            await self._group_send(
                thread_group(thread_id),
                {
                    "type": "thread.events",
                    "thread_id": thread_id,
                    "first_seq": first_seq,
                    "events": events,
                },
            )

    async def finished(self, thread_id: str, response_id: str, last_seq: int | None) -> None:
        """The response ended; its last event has seq `last_seq` (None: none of its own)."""
        self._finish_local(thread_id, response_id, last_seq)
        if self.shared:
            await self._group_send(
                thread_group(thread_id),
                {
                    "type": "thread.finished",
                    "thread_id": thread_id,
                    "response_id": response_id,
                    "last_seq": last_seq,
                },
            )

    async def send_to_group(self, group: str, message: dict[str, Any]) -> None:
        """A control message for the processes in `group` (no-op without a shared layer)."""
        if self.shared:
            await self._group_send(group, message)

    async def join(self, group: str) -> None:
        if self.shared:
            await get_channel_layer().group_add(group, self.channel)

    async def leave(self, group: str) -> None:
        if self.shared:
            await get_channel_layer().group_discard(group, self.channel)

    async def _group_send(self, group: str, message: dict[str, Any]) -> None:
        try:
            await get_channel_layer().group_send(group, {**message, "origin": self.channel})
        except Exception:
            # Followers elsewhere recover from the store; the answer must not fail for it.
            log.exception("could not publish to %s", group)

    def _finish_local(self, thread_id: str, response_id: str, last_seq: int | None) -> None:
        for follower in list(self.followers.get(thread_id, ())):
            follower.finish(response_id, last_seq)

    # --- this process's channel ---------------------------------------------------------------

    async def _listen(self) -> None:
        layer = get_channel_layer()
        while True:
            try:
                message = await layer.receive(self.channel)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("the channel layer failed; listening again in a second")
                await asyncio.sleep(1)
                continue
            if message.get("origin") == self.channel:
                continue
            kind = message.get("type")
            if kind == "thread.events":
                for follower in list(self.followers.get(message["thread_id"], ())):
                    follower.push(message["first_seq"], message["events"])
            elif kind == "thread.finished":
                self._finish_local(
                    message["thread_id"], message["response_id"], message["last_seq"]
                )
            elif kind in self.handlers:
                try:
                    await self.handlers[kind](message)
                except Exception:
                    log.exception("handling %s failed", kind)

    async def _check_followers(self) -> None:
        """End followers whose answer is over though no `finished` reached them (its
        process died, or the message was lost)."""
        while True:
            await asyncio.sleep(settings.CHATKIT_RUN_LEASE / 3)
            # Only followers that began before the query: a newer one may follow an answer
            # the query could not see yet.
            followed = [f for fs in self.followers.values() for f in fs if f.response_id]
            if not followed:
                continue
            try:
                running = await store.arunning_responses(list({f.thread_id for f in followed}))
            except Exception:
                log.exception("checking followed threads failed")
                continue
            for follower in followed:
                if running.get(follower.thread_id) != follower.response_id:
                    follower.finish(follower.response_id, None)

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks = []
        self._loop = None


bus = ThreadBus()
