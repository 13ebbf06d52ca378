"""Running one response: the agent's events are numbered, stored, then delivered.

Order of work per batch of events: apply them to the items they touch, store events and
items in one transaction (so `seq` is gap-free and a resume sees exactly what was sent),
send them to this connection, then publish them to the thread's group for any other
connection (or server process) watching the thread. The agent runs in its own task and
the runner drains whatever it produced since the last write, so a slow disk coalesces
tokens into fewer writes instead of slowing the agent down.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from django.conf import settings

from chatkit import protocol as p
from chatkit import store
from chatkit.agents import AgentContext, AgentError
from chatkit.items import UpdateError, apply_update
from widgets.limits import check_limits
from widgets.validation import validate_widget

log = logging.getLogger(__name__)

Deliver = Callable[[list[dict[str, Any]]], Awaitable[None]]
StreamFactory = Callable[[AgentContext], AsyncIterator[p.ThreadStreamEvent]]

_END = object()
GENERIC_FAILURE = "Something went wrong while answering. Please try again."
INVALID_WIDGET = "The assistant sent a widget that cannot be shown."


def changed_widget_problem(update_type: str, item: dict[str, Any]) -> str | None:
    """Whether an in-place widget change broke it: a replaced component is checked in full,
    streamed text only against the size limits (cheap, and text cannot break the rest)."""
    if update_type == "widget.component.updated":
        errors = validate_widget(item["widget"])
        return str(errors[0]) if errors else None
    if update_type == "widget.streaming_text.value_delta":
        problem = check_limits(item["widget"])
        return f"{problem.pointer}: {problem.message}" if problem else None
    return None


def widget_problems(event: dict[str, Any]) -> list[str]:
    """Why a widget this event carries is not valid; nothing invalid reaches a visitor."""
    kind = event["type"]
    if kind in ("thread.item.added", "thread.item.done", "thread.item.replaced"):
        widget = event["item"].get("widget") if event["item"].get("type") == "widget" else None
    elif kind == "thread.item.updated" and event["update"]["type"] == "widget.root.updated":
        widget = event["update"]["widget"]
    else:
        return []
    if widget is None:
        return []
    return [str(error) for error in validate_widget(widget)]


def thread_group(thread_id: str) -> str:
    return f"thread.{thread_id}"


class ResponseRunner:
    def __init__(
        self,
        *,
        ctx: AgentContext,
        request_id: str,
        response_id: str,
        deliver: Deliver,
        publish: Callable[[dict[str, Any]], Awaitable[None]],
    ) -> None:
        self.ctx = ctx
        self.thread_id = ctx.thread_id
        self.request_id = request_id
        self.response_id = response_id
        self.deliver = deliver
        self.publish = publish
        self.pending: dict[str, dict[str, Any]] = {}
        self.stop_outcome = "cancelled"
        self.error_code = ""
        self.output_tokens = 0
        self.first_token_ms: int | None = None
        self._started = time.monotonic()
        self._inflight: asyncio.Future | None = None

    async def run(self, preamble: list[p.Wire], make_stream: StreamFactory) -> None:
        outcome = "completed"
        producer: asyncio.Task | None = None
        beat = asyncio.create_task(self._heartbeat())
        try:
            await self._commit([event.dump() for event in preamble])
            self.ctx.history = await store.aitems_for_agent(self.thread_id)
            queue: asyncio.Queue = asyncio.Queue()
            producer = asyncio.create_task(self._produce(make_stream(self.ctx), queue))
            while True:
                batch = [await queue.get()]
                while not queue.empty():
                    batch.append(queue.get_nowait())
                events = [entry for entry in batch if entry is not _END]
                if events:
                    await self._commit(events)
                if batch[-1] is _END:
                    break
            if self.error_code:
                outcome = "error"
            await self._finish_pending()
        except asyncio.CancelledError:
            outcome = self.stop_outcome
            if producer is not None:
                producer.cancel()
            if self._inflight is not None:
                await asyncio.wait([self._inflight])
            await self._finish_pending()
        except Exception:
            log.exception("response %s failed", self.response_id)
            outcome, self.error_code = "error", "internal"
        finally:
            beat.cancel()
            await self._close(outcome)

    async def _produce(
        self, stream: AsyncIterator[p.ThreadStreamEvent], queue: asyncio.Queue
    ) -> None:
        try:
            async for event in stream:
                if not isinstance(event, p.Wire):
                    raise TypeError(f"agents yield protocol events, not {type(event).__name__}")
                queue.put_nowait(event.dump())
        except AgentError as e:
            self.error_code = "agent_error"
            queue.put_nowait(
                p.ErrorEvent(code="custom", message=e.message, allow_retry=e.allow_retry).dump()
            )
        except Exception:
            log.exception("agent failed in response %s", self.response_id)
            self.error_code = "agent_exception"
            queue.put_nowait(
                p.ErrorEvent(code="stream.error", message=GENERIC_FAILURE, allow_retry=True).dump()
            )
        finally:
            queue.put_nowait(_END)

    async def _commit(self, events: list[dict[str, Any]]) -> None:
        # Shielded: once a batch is being written it is also delivered, even if the
        # response is being cancelled, so the stored and the sent streams never differ.
        self._inflight = asyncio.ensure_future(self._write_and_send(events))
        await asyncio.shield(self._inflight)

    async def _write_and_send(self, events: list[dict[str, Any]]) -> None:
        events, writes = await self._apply(events)
        if not events:
            return
        first_seq = await store.aappend_events(self.thread_id, self.request_id, events, writes)
        frames = [
            p.stream_frame(self.request_id, self.thread_id, first_seq + i, event)
            for i, event in enumerate(events)
        ]
        self._measure(events)
        await self.deliver(frames)
        await self.publish({"type": "thread.frames", "thread_id": self.thread_id, "frames": frames})

    async def _apply(
        self, events: list[dict[str, Any]]
    ) -> tuple[list[dict], dict[str, store.ItemWrite]]:
        """Track item state through the batch; drop (and log) events that cannot apply."""
        kept: list[dict[str, Any]] = []
        writes: dict[str, store.ItemWrite] = {}
        for event in events:
            problems = widget_problems(event)
            if problems:
                log.error("response %s sent an invalid widget: %s", self.response_id, problems[:5])
                self.error_code = self.error_code or "invalid_widget"
                event = p.ErrorEvent(
                    code="stream.error", message=INVALID_WIDGET, allow_retry=True
                ).dump()
            kind = event["type"]
            if kind == "error" and not self.error_code:
                self.error_code = event.get("code", "stream.error")
            if kind in ("thread.item.added", "thread.item.done", "thread.item.replaced"):
                item = event["item"]
                done = kind != "thread.item.added"
                if done:
                    self.pending.pop(item["id"], None)
                else:
                    self.pending[item["id"]] = item
                writes[item["id"]] = store.ItemWrite(item, done, len(kept))
            elif kind == "thread.item.updated":
                item_id = event["item_id"]
                current = self.pending.get(item_id)
                if current is None and item_id in writes:
                    current = writes[item_id].item
                if current is None:
                    try:
                        current = (await store.aget_thread_item(self.thread_id, item_id)).data
                    except p.ProtocolError:
                        log.error("response %s updated unknown item %s", self.response_id, item_id)
                        continue
                try:
                    updated = apply_update(current, event["update"])
                except UpdateError as e:
                    log.error("response %s sent a bad update: %s", self.response_id, e)
                    continue
                problem = changed_widget_problem(event["update"]["type"], updated)
                if problem:
                    log.error("response %s made a widget invalid: %s", self.response_id, problem)
                    self.error_code = self.error_code or "invalid_widget"
                    kept.append(
                        p.ErrorEvent(
                            code="stream.error", message=INVALID_WIDGET, allow_retry=True
                        ).dump()
                    )
                    continue
                is_pending = item_id in self.pending
                if is_pending:
                    self.pending[item_id] = updated
                writes[item_id] = store.ItemWrite(updated, not is_pending, len(kept))
            elif kind == "thread.item.removed":
                self.pending.pop(event["item_id"], None)
                writes[event["item_id"]] = store.ItemWrite({}, True, len(kept), removed=True)
            kept.append(event)
        return kept, writes

    def _measure(self, events: list[dict[str, Any]]) -> None:
        for event in events:
            kind = event["type"]
            is_output = (kind == "thread.item.updated" and "delta" in event["update"]) or (
                kind == "thread.item.done" and event["item"]["type"] not in ("user_message",)
            )
            if is_output:
                if self.first_token_ms is None:
                    self.first_token_ms = int((time.monotonic() - self._started) * 1000)
                if kind == "thread.item.updated":
                    self.output_tokens += 1

    async def _finish_pending(self) -> None:
        """Close items the agent left open: keep partial text, drop empty messages."""
        if not self.pending:
            return
        events = []
        for item in list(self.pending.values()):
            is_empty = item["type"] == "assistant_message" and not any(
                part.get("text") for part in item.get("content", [])
            )
            if is_empty:
                events.append(p.ThreadItemRemoved(item_id=item["id"]).dump())
            else:
                events.append({"type": "thread.item.done", "item": item})
        await self._write_and_send(events)

    async def _heartbeat(self) -> None:
        while True:
            await asyncio.sleep(settings.CHATKIT_RUN_LEASE / 3)
            await store.aheartbeat(self.thread_id, self.response_id)

    async def _close(self, outcome: str) -> None:
        try:
            await store.arelease_thread(self.thread_id, self.response_id)
            await store.afinish_response(
                self.response_id,
                outcome=outcome,
                error_code=self.error_code,
                first_token_ms=self.first_token_ms,
                output_tokens=self.output_tokens,
                duration_ms=int((time.monotonic() - self._started) * 1000),
            )
        finally:
            await self.deliver([p.done_frame(self.request_id, self.thread_id)])
            await self.publish(
                {
                    "type": "thread.finished",
                    "thread_id": self.thread_id,
                    "response_id": self.response_id,
                }
            )
