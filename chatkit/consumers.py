"""The chat websocket: framing, authentication, dispatch, and the threads it follows.

What each request does lives in `chatkit.handlers`; answers run in `chatkit.responses`,
apart from this connection: closing it never stops one. This module only moves frames.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
import weakref
from collections import deque
from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings

from chatkit import handlers, observed, responses, store
from chatkit import protocol as p
from chatkit.origins import is_own_origin
from chatkit.responses import shutdown
from chatkit.sessions import Session, SessionError, check_deployment, read_session
from chatkit.transport import SERVICE_RESTART, TooSlow, Transport

log = logging.getLogger(__name__)

AUTH_TIMEOUT = 15
SESSION_RECHECK = 1.0
CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN_ORIGIN = 4403
CLOSE_TOO_SLOW = 4408
# Resumes replay from the store: a connection gets this many per window.
RESUMES_PER_WINDOW = 30
RESUME_WINDOW = 60.0
# A JSON escape of a UTF-16 surrogate; only then can a decoded frame hold a lone one.
SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")

open_connections: weakref.WeakSet[ChatConsumer] = weakref.WeakSet()


def _header(scope: dict[str, Any], name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


def _is_valid_unicode(frame: Any) -> bool:
    try:
        json.dumps(frame, ensure_ascii=False).encode()
    except UnicodeEncodeError:
        return False
    return True


async def close_all_connections() -> None:
    """On SIGTERM: clients reconnect at once (elsewhere) and resume their answers."""
    for consumer in list(open_connections):
        await consumer.close_for_restart()


# Sockets close first, then running answers get their grace period (SIGTERM order).
shutdown.on_shutdown(close_all_connections)


class ChatConsumer(AsyncWebsocketConsumer):
    session: Session | None = None
    session_checked_at: float = 0.0
    last_seen_noted: float = 0.0
    request_id: str | None = None
    # `accepted`: set up (disconnect cleans up); `closed`: send nothing more.
    accepted: bool = False
    closed: bool = True

    async def connect(self) -> None:
        origin = _header(self.scope, b"origin")
        host = _header(self.scope, b"host")
        if not is_own_origin(origin, host, self.scope.get("scheme") == "wss"):
            log.info("websocket refused for origin %r", origin)
            await self.close(code=CLOSE_FORBIDDEN_ORIGIN)
            return
        await responses.ensure_started()
        await self.accept()
        self.transport = Transport(self.base_send)
        if shutdown.in_progress:
            await self.close_for_restart()
            return
        self.accepted, self.closed = True, False
        self.followers: dict[str, responses.Follower] = {}
        self.groups_joined: set[str] = set()
        self.resumes: deque[float] = deque()
        open_connections.add(self)
        self.auth_timer = asyncio.create_task(self._require_auth())

    async def disconnect(self, code: int) -> None:
        self.closed = True
        open_connections.discard(self)
        if not self.accepted:
            return
        self.accepted = False
        self.auth_timer.cancel()
        for follower in list(self.followers.values()):
            await responses.bus.unfollow(follower)
            await follower.cancel()
        self.followers.clear()
        for group in self.groups_joined:
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
        if SURROGATE_ESCAPE.search(text_data) and not _is_valid_unicode(frame):
            await self.send_json(
                p.error_frame(
                    None, "invalid_json", "The frame holds a lone surrogate: it is not Unicode."
                )
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
            if request.type == "session.auth":
                result = await self._authenticate(request.params)
            elif not await self._session_still_valid():
                return
            elif request.type == "ping":
                result = await self._ping()
            else:
                if request.type == "threads.resume":
                    self._count_resume()
                ctx = handlers.RequestContext(self.session, request.id, self)
                result = await handlers.handle(ctx, request)
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

    async def _authenticate(self, params: p.SessionAuthParams) -> dict[str, Any]:
        try:
            session = read_session(params.token)
            deployment = check_deployment(
                await store.aget_deployment(session.deployment_id), session
            )
        except SessionError as e:
            raise p.ProtocolError("unauthenticated", e.message, reason=e.code) from None
        first_auth = self.session is None
        if not first_auth and (
            self.session.deployment_id != session.deployment_id
            or self.session.visitor != session.visitor
        ):
            raise p.ProtocolError(
                "invalid_request", "A connection cannot change visitor; reconnect instead."
            )
        self.session = session
        self.session_checked_at = time.monotonic()
        if first_auth:
            self.auth_timer.cancel()
            await database_sync_to_async(observed.connection_opened)(
                self.channel_name, deployment.pk, session.visitor.key
            )
            group = f"deployment.{deployment.pk}"
            await self.channel_layer.group_add(group, self.channel_name)
            self.groups_joined.add(group)
        return {"visitor": session.visitor.public_dict()}

    async def _ping(self) -> dict[str, Any]:
        if time.monotonic() - self.last_seen_noted > observed.LIVE_TIMEOUT / 3:
            self.last_seen_noted = time.monotonic()
            await database_sync_to_async(observed.connection_seen)(self.channel_name)
        return {}

    def _count_resume(self) -> None:
        now = time.monotonic()
        while self.resumes and self.resumes[0] < now - RESUME_WINDOW:
            self.resumes.popleft()
        if len(self.resumes) >= RESUMES_PER_WINDOW:
            retry_after = max(1, int(self.resumes[0] + RESUME_WINDOW - now) + 1)
            raise p.ProtocolError(
                "rate_limited",
                f"Too many resumes on this connection; try again in {retry_after} s.",
                retry_after=retry_after,
                scope="resume",
            )
        self.resumes.append(now)

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
        if self.closed:
            return
        if self.transport.overflowing():
            await self._drop_too_slow()
            return
        try:
            await self.send(text_data=json.dumps(frame, separators=(",", ":"), ensure_ascii=False))
        except UnicodeEncodeError:
            # A lone surrogate from an agent: escaped, the frame is plain ASCII and still valid.
            await self.send(text_data=json.dumps(frame, separators=(",", ":")))

    async def _send_events(
        self, request_id: str, thread_id: str, events: list[tuple[int, dict[str, Any]]]
    ) -> None:
        for seq, event in events:
            await self.send_json(p.stream_frame(request_id, thread_id, seq, event))
        # Daphne writes queued sends only when the consumer yields; without this a burst
        # of tokens reaches the browser all at once.
        await asyncio.sleep(0)

    async def _send_done(self, request_id: str, thread_id: str) -> None:
        await self.send_json(p.done_frame(request_id, thread_id))

    async def close_for_restart(self) -> None:
        self.closed = True
        if not self.transport.close_for_restart():
            await self.close(code=SERVICE_RESTART)

    async def _drop_too_slow(self) -> None:
        if self.closed:
            return
        log.info("closing a connection that fell behind (%s)", self.channel_name)
        self.closed = True
        await self.send(
            text_data=json.dumps(
                p.error_frame(
                    None,
                    "too_slow",
                    "This connection fell too far behind; reconnect and resume by seq.",
                )
            )
        )
        await self.close(code=CLOSE_TOO_SLOW)

    # --- following threads ----------------------------------------------------------------

    async def follow(
        self,
        request_id: str,
        thread_id: str,
        after_seq: int,
        response_id: str | None,
        replay: bool = True,
    ) -> None:
        previous = self.followers.get(thread_id)
        if previous is not None:
            previous.end_now()
        follower = responses.Follower(
            thread_id=thread_id,
            request_id=request_id,
            after_seq=after_seq,
            response_id=response_id,
            replay=replay,
            send_events=self._send_events,
            send_done=self._send_done,
            room=self.transport.room,
            on_end=self._follower_ended,
        )
        self.followers[thread_id] = follower
        if response_id is not None:
            await responses.bus.follow(follower)
            if replay:
                # It may have finished between reading the thread and following it.
                running = await store.arunning_responses([thread_id])
                if running.get(thread_id) != response_id:
                    follower.finish(response_id, None)
        follower.start()

    async def _follower_ended(
        self, follower: responses.Follower, failure: BaseException | None
    ) -> None:
        await responses.bus.unfollow(follower)
        if self.followers.get(follower.thread_id) is follower:
            del self.followers[follower.thread_id]
        if isinstance(failure, TooSlow):
            await self._drop_too_slow()
        elif failure is not None:
            log.error("following %s failed", follower.thread_id, exc_info=failure)
            await self.send_json(
                p.error_frame(
                    follower.request_id, "internal", "The server failed to send this answer."
                )
            )

    # --- channel layer messages ---------------------------------------------------------

    async def session_revoked(self, message: dict[str, Any]) -> None:
        if self.session is not None and self.session.deployment_id == message["deployment_id"]:
            await self.send_json(p.error_frame(None, "unauthenticated", message["message"]))
            await self.close(code=CLOSE_UNAUTHENTICATED)
