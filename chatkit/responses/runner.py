"""Running one turn: the agent's events are numbered, stored, then published to followers.

Order of work per batch of events: apply them to the items they touch, store events and
items in one transaction (so `seq` is gap-free and a resume sees exactly what was sent),
then publish them on the thread bus, from which every follower of the thread (the client
that asked among them, in this process or another) sends them on. The agent runs in its own
task and the runner drains whatever it produced since the last write, so a slow disk
coalesces tokens into fewer writes instead of slowing the agent down.

The runner holds the thread's lease while it runs: it renews it, learns from it that Stop
was pressed elsewhere, and stops writing if it was taken over (its process presumed dead).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from typing import Any

from django.conf import settings

from chatkit import protocol as p
from chatkit import store
from chatkit.agents import AgentContext, AgentError, load_agent
from chatkit.items import UpdateError, apply_update
from chatkit.responses.bus import bus
from chatkit.responses.turn import Turn
from widgets.limits import check_limits
from widgets.validation import validate_widget

log = logging.getLogger(__name__)

_END = object()
GENERIC_FAILURE = "Something went wrong while answering. Please try again."
INVALID_WIDGET = "The assistant sent a widget that cannot be shown."
MISCONFIGURED = "The assistant of this chat is not configured correctly."
INTERRUPTED = "The answer was interrupted. Please try again."
TIMED_OUT = "The answer took too long and was stopped."


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


def interrupted_error() -> dict[str, Any]:
    return p.ErrorEvent(code="stream.error", message=INTERRUPTED, allow_retry=True).dump()


class ResponseRunner:
    def __init__(self, turn: Turn) -> None:
        self.turn = turn
        self.thread_id = turn.thread_id
        self.response_id = turn.response_id
        self.pending: dict[str, dict[str, Any]] = {}
        # Why the answer is being stopped early: "cancelled" (Stop), "interrupted" (this
        # process is shutting down) or "timed_out" (its maximum duration).
        self.stop_reason: str | None = None
        self.lease_lost = False
        self.error_code = ""
        self.output_tokens = 0
        self.first_token_ms: int | None = None
        self.last_seq = 0
        self._started = time.monotonic()
        self._inflight: asyncio.Future | None = None
        self._task: asyncio.Task | None = None

    def stop(self, reason: str) -> None:
        """Stop the answer soon, keeping what it has said (safe to call from anywhere)."""
        if self._task is not None and self.stop_reason is None:
            self.stop_reason = reason
            self._task.cancel()

    async def run(self) -> None:
        self._task = asyncio.current_task()
        outcome = "completed"
        producer: asyncio.Task | None = None
        beat = asyncio.create_task(self._heartbeat())
        try:
            queue: asyncio.Queue = asyncio.Queue()
            producer = asyncio.create_task(self._produce(queue))
            async with asyncio.timeout(max(self.turn.deadline - time.time(), 0)):
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
        except (asyncio.CancelledError, TimeoutError) as e:
            if isinstance(e, TimeoutError):
                self.stop_reason = "timed_out"
            outcome = await self._stopped(producer)
        except store.LeaseLost:
            self.lease_lost = True
        except Exception:
            log.exception("response %s failed", self.response_id)
            outcome, self.error_code = "error", "internal"
        finally:
            beat.cancel()
            if producer is not None:
                producer.cancel()
            if not self.lease_lost:
                await self._close(outcome)

    async def _stopped(self, producer: asyncio.Task | None) -> str:
        """Wind down after Stop, a shutdown or the time limit: keep the partial answer."""
        if producer is not None:
            producer.cancel()
            await asyncio.wait([producer], timeout=1)
        if self.lease_lost:
            return "error"
        try:
            if self._inflight is not None:
                await asyncio.wait([self._inflight])
            await self._finish_pending()
            reason = self.stop_reason or "cancelled"
            if reason == "cancelled":
                return "cancelled"
            message = TIMED_OUT if reason == "timed_out" else INTERRUPTED
            self.error_code = reason
            await self._write_and_publish(
                [p.ErrorEvent(code="stream.error", message=message, allow_retry=True).dump()]
            )
        except store.LeaseLost:
            self.lease_lost = True
        return "error"

    async def _produce(self, queue: asyncio.Queue) -> None:
        try:
            async for event in await self._stream():
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

    async def _stream(self) -> AsyncIterator[p.ThreadStreamEvent]:
        """The agent's answer to this turn, from what the store holds."""
        turn = self.turn
        deployment = await store.aget_deployment(turn.deployment_id)
        if deployment is None:
            raise AgentError(MISCONFIGURED, allow_retry=False)
        try:
            agent = load_agent(deployment)
        except ValueError:
            log.exception("cannot load the agent of deployment %s", deployment.pk)
            raise AgentError(MISCONFIGURED, allow_retry=False) from None
        history = await store.aitems_for_agent(self.thread_id)
        ctx = AgentContext(
            deployment=deployment, thread_id=self.thread_id, visitor=turn.visitor, history=history
        )
        if turn.kind == "action":
            sender = None
            if turn.sender_id:
                sender = (await store.aget_thread_item(self.thread_id, turn.sender_id)).data
            return agent.action(ctx, p.ActionInput.model_validate(turn.action), sender)
        if turn.kind == "tool_output":
            return agent.respond(ctx, None)
        data = next((item for item in history if item["id"] == turn.item_id), None)
        if data is None:
            data = (await store.aget_thread_item(self.thread_id, turn.item_id)).data
        return agent.respond(ctx, p.UserMessageItem.model_validate(data))

    async def _commit(self, events: list[dict[str, Any]]) -> None:
        # Shielded: once a batch is being written it is also published, even if the
        # response is being stopped, so the stored and the sent streams never differ.
        self._inflight = asyncio.ensure_future(self._write_and_publish(events))
        await asyncio.shield(self._inflight)

    async def _write_and_publish(self, events: list[dict[str, Any]]) -> None:
        events, writes = await self._apply(events)
        if not events:
            return
        first_seq = await store.aappend_events(
            self.thread_id, self.turn.request_id, events, writes, self.response_id
        )
        self.last_seq = first_seq + len(events) - 1
        self._measure(events)
        await bus.publish(self.thread_id, first_seq, events)

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
        events = [
            p.ThreadItemRemoved(item_id=item["id"]).dump()
            if store.is_empty_message(item)
            else {"type": "thread.item.done", "item": item}
            for item in list(self.pending.values())
        ]
        await self._write_and_publish(events)

    async def _heartbeat(self) -> None:
        while True:
            await asyncio.sleep(settings.CHATKIT_RUN_LEASE / 3)
            state = await store.aheartbeat(self.thread_id, self.response_id)
            if state == "cancel":
                self.stop("cancelled")
            elif state == "lost":
                log.warning("response %s lost its lease; stopping it", self.response_id)
                self.lease_lost = True
                self.stop("cancelled")

    async def _close(self, outcome: str) -> None:
        finished = await store.afinish_response(
            self.thread_id,
            self.response_id,
            outcome=outcome,
            error_code=self.error_code,
            first_token_ms=self.first_token_ms,
            output_tokens=self.output_tokens,
            duration_ms=int((time.monotonic() - self._started) * 1000),
        )
        if finished:
            await bus.finished(self.thread_id, self.response_id, self.last_seq)
