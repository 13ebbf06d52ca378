"""The answers this process runs, and the watch over answers whose process died.

In the embedded mode every web process hosts the answers it was asked for; with
`CHATKIT_EXECUTOR=workers` only Channels workers do. Wherever an answer runs, its process
joins the answer's group on the channel layer, so Stop reaches it from any process.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from typing import Any

from django.conf import settings

from chatkit import store
from chatkit.responses.bus import bus
from chatkit.responses.runner import ResponseRunner, interrupted_error
from chatkit.responses.turn import Turn

log = logging.getLogger(__name__)

PROCESS_NAME = f"{socket.gethostname()}:{os.getpid()}"


def answer_group(thread_id: str) -> str:
    """The process running a thread's answer."""
    return f"answer.{thread_id}"


class AnswerHost:
    def __init__(self) -> None:
        self.running: dict[str, ResponseRunner] = {}
        self.tasks: set[asyncio.Task] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._reaper: asyncio.Task | None = None

    async def start(self) -> None:
        """Start watching for dead answers, once per event loop."""
        loop = asyncio.get_running_loop()
        if self._loop is loop:
            return
        self._loop = loop
        self.running, self.tasks = {}, set()
        bus.on("answer.cancel", self._on_cancel)
        self._reaper = loop.create_task(self._reap_forever())

    def run(self, turn: Turn) -> None:
        """Run the answer in a task of its own: it belongs to no connection."""
        runner = ResponseRunner(turn)
        task = asyncio.get_running_loop().create_task(self._run(runner))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _run(self, runner: ResponseRunner) -> None:
        group = answer_group(runner.thread_id)
        try:
            if not await store.aclaim_runner(runner.response_id, PROCESS_NAME):
                # The channel layer delivered the turn twice, or it waited past its lease.
                log.info("response %s runs elsewhere (or ran out of time)", runner.response_id)
                return
            self.running[runner.thread_id] = runner
            await bus.join(group)
            await runner.run()
        except Exception:
            log.exception("response %s could not run", runner.response_id)
        finally:
            if self.running.get(runner.thread_id) is runner:
                del self.running[runner.thread_id]
            await bus.leave(group)

    def cancel(self, thread_id: str, reason: str = "cancelled") -> bool:
        runner = self.running.get(thread_id)
        if runner is None:
            return False
        runner.stop(reason)
        return True

    async def _on_cancel(self, message: dict[str, Any]) -> None:
        self.cancel(message["thread_id"])

    async def drain(self, grace: float) -> None:
        """Let running answers finish for up to `grace` seconds, then stop the rest: they
        keep what they said and their followers are told to retry."""
        deadline = time.monotonic() + grace
        while self.tasks and time.monotonic() < deadline:
            await asyncio.wait(list(self.tasks), timeout=deadline - time.monotonic())
        for thread_id in list(self.running):
            self.cancel(thread_id, "interrupted")
        if self.tasks:
            await asyncio.wait(list(self.tasks), timeout=10)

    async def stop_all(self) -> None:
        """Stop every answer of this process and wait for them (tests, shutdown)."""
        for thread_id in list(self.running):
            self.cancel(thread_id, "cancelled")
        if self.tasks:
            await asyncio.wait(list(self.tasks), timeout=10)
        if self._reaper is not None:
            self._reaper.cancel()
        self._loop = None

    async def _reap_forever(self) -> None:
        while True:
            await asyncio.sleep(settings.CHATKIT_RUN_LEASE / 3)
            try:
                await self.reap()
            except Exception:
                log.exception("looking for interrupted answers failed")

    async def reap(self) -> None:
        """Close the answers whose lease ran out and tell their followers."""
        reaped = await store.areap_stale(interrupted_error(), frozenset(self.running))
        for dead in reaped:
            log.warning("response %s was interrupted (its process stopped)", dead.response_id)
            await announce(dead)


async def announce(interrupted: store.Reaped) -> None:
    """Send an interrupted answer's closing events to its followers, and its end."""
    events = [event for _, event in interrupted.events]
    await bus.publish(interrupted.thread_id, interrupted.events[0][0], events)
    await bus.finished(interrupted.thread_id, interrupted.response_id, interrupted.events[-1][0])


host = AnswerHost()
