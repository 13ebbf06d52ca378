"""Following a thread for one request: replay what the client missed, then live, then `done`.

The follower sends each stored event exactly once and in `seq` order, whatever reaches it:
live events arrive from the bus, and whatever the bus did not bring (a gap, a follower that
fell behind, events stored just before it started) is read from the store, in bounded pages.
Before its final `done` it reads the store once more, so no event is ever missed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from chatkit import store

log = logging.getLogger(__name__)

PAGE = 200
# Live events kept for a follower that cannot send them yet; past this it drops them and
# reads them again from the store when it can (its memory stays bounded).
MAX_WAITING = 2_000

SendEvents = Callable[[str, str, list[tuple[int, dict[str, Any]]]], Awaitable[None]]
SendDone = Callable[[str, str], Awaitable[None]]


class Follower:
    def __init__(
        self,
        *,
        thread_id: str,
        request_id: str,
        after_seq: int,
        response_id: str | None,
        replay: bool,
        send_events: SendEvents,
        send_done: SendDone,
        room: Callable[[], Awaitable[None]],
        on_end: Callable[[Follower, BaseException | None], Awaitable[None]],
    ) -> None:
        self.thread_id = thread_id
        self.request_id = request_id
        self.last_seq = after_seq
        self.response_id = response_id
        self._send_events = send_events
        self._send_done = send_done
        self._room = room
        self._on_end = on_end
        self._replay = replay
        self._waiting: list[tuple[int, list[dict[str, Any]]]] = []
        self._waiting_count = 0
        self._behind = False
        self._ending = response_id is None
        self._end_at: int | None = None
        self._wake = asyncio.Event()
        self._task: asyncio.Task | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._pump())

    def push(self, first_seq: int, events: list[dict[str, Any]]) -> None:
        if self._waiting_count + len(events) > MAX_WAITING:
            self._waiting, self._waiting_count, self._behind = [], 0, True
        else:
            self._waiting.append((first_seq, events))
            self._waiting_count += len(events)
        self._wake.set()

    def finish(self, response_id: str, last_seq: int | None) -> None:
        """The followed answer ended (at `last_seq`, or: whatever the store holds)."""
        if response_id != self.response_id or self._ending:
            return
        self._ending, self._end_at = True, last_seq
        self._wake.set()

    def end_now(self) -> None:
        """Send what is stored and `done` (a newer request follows the same thread)."""
        self._ending = True
        self._wake.set()

    async def cancel(self) -> None:
        """The connection is gone: stop without sending anything more."""
        if self._task is not None and self._task is not asyncio.current_task():
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def _pump(self) -> None:
        failure: BaseException | None = None
        try:
            if self._replay:
                await self._catch_up(None)
            while not self._ending:
                await self._wake.wait()
                self._wake.clear()
                await self._drain_waiting()
            await self._drain_waiting()
            await self._catch_up(self._end_at)
            await self._send_done(self.request_id, self.thread_id)
        except asyncio.CancelledError:
            raise
        except Exception as e:
            failure = e
        await self._on_end(self, failure)

    async def _drain_waiting(self) -> None:
        waiting, self._waiting, self._waiting_count = self._waiting, [], 0
        if self._behind:
            self._behind = False
            waiting = []
            await self._catch_up(None)
        for first_seq, events in waiting:
            if first_seq > self.last_seq + 1:
                await self._catch_up(first_seq - 1)
            fresh = [
                (first_seq + i, event)
                for i, event in enumerate(events)
                if first_seq + i > self.last_seq
            ]
            if fresh:
                await self._send(fresh)

    async def _catch_up(self, up_to: int | None) -> None:
        """Send what the store holds after `last_seq` (up to `up_to`), page by page."""
        while up_to is None or self.last_seq < up_to:
            page = await store.aevents_after(self.thread_id, self.last_seq, PAGE, up_to)
            if page:
                await self._send(page)
            if len(page) < PAGE:
                return

    async def _send(self, events: list[tuple[int, dict[str, Any]]]) -> None:
        await self._room()
        await self._send_events(self.request_id, self.thread_id, events)
        self.last_seq = events[-1][0]
