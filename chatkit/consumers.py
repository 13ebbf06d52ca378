"""The chat websocket: framing, authentication, dispatch, and the runs and watches it holds.

What each request does lives in `chatkit.handlers`; this module only moves frames.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass, field
from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings

from chatkit import handlers, observed, store
from chatkit import protocol as p
from chatkit.origins import is_own_origin
from chatkit.responses import ResponseRunner, thread_group
from chatkit.sessions import Session, SessionError, check_deployment

log = logging.getLogger(__name__)

AUTH_TIMEOUT = 15
SESSION_RECHECK = 1.0
CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN_ORIGIN = 4403


@dataclass
class Watch:
    """A `threads.resume` that follows a response running elsewhere until it finishes."""

    request_id: str
    last_seq: int
    response_running: bool = True
    checker: asyncio.Task | None = field(default=None, repr=False)


def _header(scope: dict[str, Any], name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


class ChatConsumer(AsyncWebsocketConsumer):
    session: Session | None = None
    session_checked_at: float = 0.0
    last_seen_noted: float = 0.0
    request_id: str | None = None

    async def connect(self) -> None:
        origin = _header(self.scope, b"origin")
        host = _header(self.scope, b"host")
        if not is_own_origin(origin, host, self.scope.get("scheme") == "wss"):
            log.info("websocket refused for origin %r", origin)
            await self.close(code=CLOSE_FORBIDDEN_ORIGIN)
            return
        self.closed = False
        self.runs: dict[str, tuple[asyncio.Task, ResponseRunner]] = {}
        self.watches: dict[str, Watch] = {}
        self.groups_joined: set[str] = set()
        await self.accept()
        self.auth_timer = asyncio.create_task(self._require_auth())

    async def disconnect(self, code: int) -> None:
        self.closed = True
        if hasattr(self, "auth_timer"):
            self.auth_timer.cancel()
        tasks = []
        for task, runner in list(getattr(self, "runs", {}).values()):
            runner.stop_outcome = "disconnected"
            task.cancel()
            tasks.append(task)
        if tasks:
            # Let cancelled responses store their partial answers before the consumer goes.
            await asyncio.wait(tasks, timeout=10)
        for watch in getattr(self, "watches", {}).values():
            if watch.checker:
                watch.checker.cancel()
        for group in getattr(self, "groups_joined", set()):
            await self.channel_layer.group_discard(group, self.channel_name)
        if self.session is not None:
            await database_sync_to_async(observed.connection_closed)(self.channel_name)

    async def _require_auth(self) -> None:
        await asyncio.sleep(AUTH_TIMEOUT)
        if self.session is None and not self.closed:
            await self.send_json(p.error_frame(None, "unauthenticated", "No session.auth in time."))
            await self.close(code=CLOSE_UNAUTHENTICATED)

    # --- frames in --------------------------------------------------------------------

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if text_data is None:
            await self.send_json(
                p.error_frame(None, "invalid_json", "Frames must be text, not binary.")
            )
            return
        # len() counts characters; a frame can only exceed the byte limit if 4x its length does.
        limit = settings.CHATKIT_MAX_FRAME_BYTES
        if len(text_data) > limit or (
            len(text_data) * 4 > limit and len(text_data.encode()) > limit
        ):
            await self.send_json(
                p.error_frame(None, "too_large", f"Frames are limited to {limit // 1024} KiB.")
            )
            return
        try:
            frame = json.loads(text_data)
        except (ValueError, RecursionError):
            await self.send_json(
                p.error_frame(None, "invalid_json", "The frame is not valid JSON.")
            )
            return
        request_id = p.request_id_of(frame)
        self.request_id = request_id
        try:
            request = p.parse_request(frame)
        except p.ProtocolError as e:
            await self.send_json(p.error_frame(request_id, e.code, e.message, **e.extra))
            return
        if self.session is None and request.type != "session.auth":
            await self.send_json(
                p.error_frame(request.id, "unauthenticated", "Send session.auth first.")
            )
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        await self._dispatch(request)

    async def _dispatch(self, request: p.Request) -> None:
        try:
            if request.type != "session.auth" and not await self._session_still_valid():
                return
            result = await handlers.handle(self, request)
        except p.ProtocolError as e:
            await self.send_json(p.error_frame(request.id, e.code, e.message, **e.extra))
            return
        except Exception:
            log.exception("request %s failed", request.type)
            await self.send_json(
                p.error_frame(request.id, "internal", "The server failed to handle this request.")
            )
            return
        if result is not None:
            await self.send_json(p.result_frame(request.id, result))

    async def _session_still_valid(self) -> bool:
        """Refuse requests of an expired session; close the socket of a revoked one.

        The deployment is re-read at most once a second, so disabling it or rotating its
        keys takes effect on the next request even without a shared channel layer.
        """
        if self.session.expires_at < time.time():
            raise p.ProtocolError(
                "unauthenticated", "The session expired; send session.auth again."
            )
        if time.monotonic() - self.session_checked_at < SESSION_RECHECK:
            return True
        try:
            check_deployment(await store.aget_deployment(self.session.deployment_id), self.session)
        except SessionError as e:
            await self.send_json(
                p.error_frame(self.request_id, "unauthenticated", e.message, reason=e.code)
            )
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return False
        self.session_checked_at = time.monotonic()
        return True

    # --- frames out -------------------------------------------------------------------

    async def send_json(self, frame: dict[str, Any]) -> None:
        if not self.closed:
            await self.send(text_data=json.dumps(frame, separators=(",", ":"), ensure_ascii=False))

    async def send_frames(self, frames: list[dict[str, Any]]) -> None:
        for frame in frames:
            await self.send_json(frame)
        # Daphne writes queued sends only when the consumer yields; without this a burst
        # of tokens reaches the browser all at once.
        await asyncio.sleep(0)

    async def publish(self, message: dict[str, Any]) -> None:
        await self.channel_layer.group_send(
            thread_group(message["thread_id"]), {**message, "sender": self.channel_name}
        )

    async def join(self, thread_id: str) -> None:
        group = thread_group(thread_id)
        if group not in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
            self.groups_joined.add(group)

    # --- runs (responses this connection started) --------------------------------------

    def start_run(self, runner: ResponseRunner, coro) -> None:
        task = asyncio.create_task(coro)
        thread_id = runner.thread_id
        self.runs[thread_id] = (task, runner)

        def forget(_task: asyncio.Task) -> None:
            if self.runs.get(thread_id, (None,))[0] is _task:
                del self.runs[thread_id]

        task.add_done_callback(forget)

    def cancel_local_run(self, thread_id: str) -> bool:
        run = self.runs.get(thread_id)
        if run is None:
            return False
        run[1].stop_outcome = "cancelled"
        run[0].cancel()
        return True

    # --- watches (resumes following a response elsewhere) -------------------------------

    def start_watch(self, thread_id: str, watch: Watch) -> None:
        self.watches[thread_id] = watch
        watch.checker = asyncio.create_task(self._check_watch(thread_id, watch))

    async def end_watch(self, thread_id: str) -> None:
        watch = self.watches.pop(thread_id, None)
        if watch is None:
            return
        if watch.checker and watch.checker is not asyncio.current_task():
            watch.checker.cancel()
        await self.send_json(p.done_frame(watch.request_id, thread_id))

    async def _check_watch(self, thread_id: str, watch: Watch) -> None:
        # If the process running the response dies, no "finished" message ever comes;
        # its heartbeat stops, and this notices.
        while True:
            await asyncio.sleep(settings.CHATKIT_RUN_LEASE / 2)
            if self.session is None:
                return
            try:
                thread = await store.aget_thread(self.session, thread_id)
            except p.ProtocolError:
                break
            if not await store.ais_running(thread):
                break
        await self.end_watch(thread_id)

    # --- channel layer messages ---------------------------------------------------------

    async def thread_frames(self, message: dict[str, Any]) -> None:
        watch = self.watches.get(message["thread_id"])
        if watch is None or message.get("sender") == self.channel_name:
            return
        fresh = [frame for frame in message["frames"] if frame["seq"] > watch.last_seq]
        if fresh:
            watch.last_seq = fresh[-1]["seq"]
            await self.send_frames([{**frame, "id": watch.request_id} for frame in fresh])

    async def thread_finished(self, message: dict[str, Any]) -> None:
        if message["thread_id"] in self.watches and message.get("sender") != self.channel_name:
            await self.end_watch(message["thread_id"])

    async def thread_cancel(self, message: dict[str, Any]) -> None:
        self.cancel_local_run(message["thread_id"])

    async def session_revoked(self, message: dict[str, Any]) -> None:
        if self.session is not None and self.session.deployment_id == message["deployment_id"]:
            await self.send_json(p.error_frame(None, "unauthenticated", message["message"]))
            await self.close(code=CLOSE_UNAUTHENTICATED)
