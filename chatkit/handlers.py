"""What each websocket request does (SPEC §7). One function per request type.

A handler gets a `RequestContext`: the session, the request id, and what it may do on the
connection (send a frame, follow a thread). Non-streaming handlers return the `result`
object. Streaming ones store the visitor's side of the turn, follow the thread and submit
the turn to the executor (`chatkit.responses`); the follower sends the frames and `done`.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from channels.db import database_sync_to_async
from django.utils import timezone

from chatkit import attachments, ratelimit, responses, store
from chatkit import protocol as p
from chatkit.agents import Agent, AgentContext, load_agent
from chatkit.config import RateLimits
from chatkit.models import new_id
from chatkit.responses.runner import INVALID_WIDGET, MISCONFIGURED, interrupted_error
from chatkit.sessions import Session, SessionError, check_deployment
from widgets.validation import validate_widget

if TYPE_CHECKING:
    from chatkit.models import Deployment, Thread

log = logging.getLogger(__name__)


class Connection(Protocol):
    """What a handler may do with the connection a request came on."""

    async def send_json(self, frame: dict[str, Any]) -> None: ...

    async def follow(
        self,
        request_id: str,
        thread_id: str,
        after_seq: int,
        response_id: str | None,
        replay: bool = True,
    ) -> None: ...


@dataclass
class RequestContext:
    session: Session
    request_id: str
    connection: Connection

    async def send(self, frame: dict[str, Any]) -> None:
        await self.connection.send_json(frame)

    async def follow(
        self, thread_id: str, after_seq: int, response_id: str | None, replay: bool = True
    ) -> None:
        """Send this request the thread's events after `after_seq` (read from the store
        unless `replay` is off), then those of `response_id` live, then `done`."""
        await self.connection.follow(self.request_id, thread_id, after_seq, response_id, replay)

    async def publish(self, thread_id: str, first_seq: int, events: list[dict[str, Any]]) -> None:
        """Stored events go to every follower of the thread, in every process."""
        await responses.bus.publish(thread_id, first_seq, events)


Handler = Callable[[RequestContext, Any], Awaitable[dict[str, Any] | None]]
HANDLERS: dict[str, Handler] = {}


def handles(request_type: str) -> Callable[[Handler], Handler]:
    def register(func: Handler) -> Handler:
        HANDLERS[request_type] = func
        return func

    return register


async def handle(ctx: RequestContext, request: p.Request) -> dict[str, Any] | None:
    return await HANDLERS[request.type](ctx, request.params)


# --- starting responses --------------------------------------------------------------------


def _check_message(message: p.UserMessageInput) -> None:
    if (
        not message.text().strip()
        and not message.attachments
        and not any(part.type == "input_tag" for part in message.content)
    ):
        raise p.ProtocolError(
            "invalid_request", "input.content: the message is empty.", field="params.input"
        )


def _user_message(
    item_id: str, thread_id: str, message: p.UserMessageInput, attachments: list[dict[str, Any]]
) -> p.UserMessageItem:
    return p.UserMessageItem(
        id=item_id,
        thread_id=thread_id,
        created_at=timezone.now(),
        content=message.content,
        attachments=attachments,
        quoted_text=message.quoted_text,
        inference_options=message.inference_options,
    )


def _refusal(e: attachments.AttachmentError, field: str | None = None) -> p.ProtocolError:
    code = (
        e.code
        if e.code in ("too_large", "rate_limited", "not_found", "unauthenticated")
        else "invalid_request"
    )
    extra = {"field": field} if field else {}
    return p.ProtocolError(code, e.message, **extra)


def _title_from(message: p.UserMessageInput) -> str:
    text = " ".join(message.text().split())
    return text if len(text) <= 60 else text[:59].rstrip() + "…"


def _check_open(thread: Thread) -> None:
    status = (thread.status or {}).get("type", "active")
    if status != "active":
        reason = (thread.status or {}).get("reason") or f"This conversation is {status}."
        raise p.ProtocolError("invalid_request", reason, field="params.thread_id")


async def _agent_for(ctx: RequestContext) -> tuple[Deployment, Agent]:
    """The deployment (checked again: it may have been disabled or rotated) and its agent."""
    try:
        deployment = check_deployment(
            await store.aget_deployment(ctx.session.deployment_id), ctx.session
        )
    except SessionError as e:
        raise p.ProtocolError("unauthenticated", e.message, reason=e.code) from None
    try:
        return deployment, load_agent(deployment)
    except ValueError:
        log.exception("cannot load the agent of deployment %s", deployment.pk)
        raise p.ProtocolError("internal", MISCONFIGURED) from None


def _check_rate_limits(deployment: Deployment, visitor: str) -> None:
    """One trip to the database and the cache: runs in a worker thread."""
    limits = RateLimits.model_validate(deployment.rate_limits or {})
    try:
        if store.count_running(deployment.pk, visitor) >= limits.concurrent_streams:
            raise ratelimit.Limited("concurrent_streams", 5)
        ratelimit.hit("messages", f"{deployment.pk}:{visitor}", limits.messages_per_minute)
        ratelimit.hit("deployment", str(deployment.pk), limits.deployment_messages_per_minute)
    except ratelimit.Limited as e:
        raise p.ProtocolError(
            "rate_limited",
            f"Too many messages; try again in {e.retry_after} s.",
            retry_after=e.retry_after,
            scope=e.scope,
        ) from None


async def _start(
    ctx: RequestContext,
    thread: Thread,
    kind: str,
    preamble: list[p.Wire],
    **turn: Any,
) -> None:
    """Claim the thread (or answer `busy`) with the turn's first events, follow it, and
    hand the turn to the executor: the answer runs apart from this connection."""
    response_id = new_id("resp")
    events = [event.dump() for event in preamble]
    first_seq, interrupted = await store.abegin_response(
        thread,
        response_id,
        kind,
        ctx.request_id,
        events,
        store.item_writes(events),
        interrupted_error(),
    )
    if interrupted is not None:
        await responses.announce(interrupted)
    if first_seq is None:
        raise p.ProtocolError("busy", "A response is already running in this thread.")
    await ctx.follow(thread.id, first_seq - 1, response_id, replay=False)
    await ctx.publish(thread.id, first_seq, events)
    await responses.submit(
        responses.Turn.new(
            kind=kind,
            response_id=response_id,
            request_id=ctx.request_id,
            thread_id=thread.id,
            deployment_id=thread.deployment_id,
            visitor=ctx.session.visitor,
            **turn,
        )
    )


async def _agent_within_limits(ctx: RequestContext) -> Agent:
    """The agent, once the visitor is within the rate limits (checked before any write)."""
    deployment, agent = await _agent_for(ctx)
    await database_sync_to_async(_check_rate_limits)(deployment, ctx.session.visitor.key)
    return agent


async def _send_message(
    ctx: RequestContext, message: p.UserMessageInput, thread: Thread | None
) -> None:
    """Store a visitor's message (in a new thread when `thread` is None) and answer it.

    A refusal at any step changes nothing: claimed files are released, a new thread removed.
    """
    _check_message(message)
    agent = await _agent_within_limits(ctx)
    item_id = new_id("msg")
    visitor = ctx.session.visitor.key
    files: list[dict[str, Any]] = []
    if message.attachments:
        try:
            files = await database_sync_to_async(attachments.claim)(
                agent.deployment, visitor, message.attachments, item_id
            )
        except attachments.AttachmentError as e:
            raise _refusal(e, "params.input.attachments") from None
    created = thread is None
    try:
        if created:
            thread = await store.acreate_thread(ctx.session, _title_from(message))
        if files:
            await database_sync_to_async(attachments.link_to_thread)(item_id, thread.id)
            files = [{**described, "thread_id": thread.id} for described in files]
        item = _user_message(item_id, thread.id, message, files)
        preamble: list[p.Wire] = [p.ThreadItemDone(item=item), p.StreamOptions()]
        if created:
            thread_data = p.ThreadData.model_validate(store.thread_data(thread))
            preamble.insert(0, p.ThreadCreated(thread=thread_data))
        await _start(ctx, thread, "message", preamble, item_id=item_id)
    except p.ProtocolError:
        await database_sync_to_async(attachments.release)(item_id)
        if created and thread is not None:
            await database_sync_to_async(thread.delete)()
        raise


async def _open_thread(ctx: RequestContext, thread_id: str) -> Thread:
    thread = await store.aget_thread(ctx.session, thread_id)
    _check_open(thread)
    return thread


@handles("threads.create")
async def threads_create(ctx: RequestContext, params: p.ThreadsCreateParams) -> None:
    await _send_message(ctx, params.input, None)


@handles("threads.add_user_message")
async def threads_add_user_message(
    ctx: RequestContext, params: p.ThreadsAddUserMessageParams
) -> None:
    await _send_message(ctx, params.input, await _open_thread(ctx, params.thread_id))


@handles("threads.retry_after_item")
async def threads_retry_after_item(
    ctx: RequestContext, params: p.ThreadsRetryAfterItemParams
) -> None:
    thread = await _open_thread(ctx, params.thread_id)
    anchor = await store.auser_message_position(thread, params.item_id)
    await _agent_within_limits(ctx)
    later = await store.aitems_after(thread, anchor)
    preamble = [*(p.ThreadItemRemoved(item_id=item_id) for item_id in later), p.StreamOptions()]
    await _start(ctx, thread, "retry", preamble, item_id=anchor.id)


async def _sender(thread: Thread, item_id: str | None) -> dict[str, Any] | None:
    if item_id is None:
        return None
    item = await store.aget_item(thread, item_id)
    if item.type != "widget":
        raise p.ProtocolError(
            "invalid_request", "item_id: actions come from widget items.", field="params.item_id"
        )
    return item.data


@handles("threads.custom_action")
async def threads_custom_action(ctx: RequestContext, params: p.ThreadsCustomActionParams) -> None:
    thread = await _open_thread(ctx, params.thread_id)
    sender = await _sender(thread, params.item_id)
    await _agent_within_limits(ctx)
    await _start(
        ctx,
        thread,
        "action",
        [p.StreamOptions()],
        action=params.action.model_dump(mode="json"),
        sender_id=sender["id"] if sender else None,
    )


@handles("threads.sync_custom_action")
async def threads_sync_custom_action(
    ctx: RequestContext, params: p.ThreadsCustomActionParams
) -> dict[str, Any]:
    thread = await _open_thread(ctx, params.thread_id)
    sender = await _sender(thread, params.item_id)
    deployment, agent = await _agent_for(ctx)
    agent_ctx = AgentContext(
        deployment=deployment, thread_id=thread.id, visitor=ctx.session.visitor
    )
    updated = await agent.sync_action(agent_ctx, params.action, sender)
    if updated is None:
        return {}
    item = p.WidgetItem.model_validate(updated).dump()
    if sender is None or item["id"] != sender["id"]:
        raise p.ProtocolError("internal", "The agent returned a different item than the sender.")
    if validate_widget(item["widget"]):
        raise p.ProtocolError("internal", INVALID_WIDGET)
    events = [{"type": "thread.item.replaced", "item": item}]
    seq = await store.aappend_events(thread.id, ctx.request_id, events, store.item_writes(events))
    await ctx.publish(thread.id, seq, events)
    return {"updated_item": item}


@handles("threads.add_client_tool_output")
async def threads_add_client_tool_output(
    ctx: RequestContext, params: p.ThreadsAddClientToolOutputParams
) -> None:
    thread = await _open_thread(ctx, params.thread_id)
    pending = await store.apending_tool_call(thread)
    if pending is None:
        raise p.ProtocolError(
            "invalid_request", "thread_id: no client tool call is waiting for output."
        )
    await _agent_within_limits(ctx)
    done = {**pending, "status": "completed", "output": params.result}
    preamble = [p.ThreadItemDone(item=p.ClientToolCallItem.model_validate(done)), p.StreamOptions()]
    await _start(ctx, thread, "tool_output", preamble)


# --- following and stopping responses ----------------------------------------------------


@handles("threads.cancel")
async def threads_cancel(ctx: RequestContext, params: p.ThreadIdParams) -> dict[str, Any]:
    thread = await store.aget_thread(ctx.session, params.thread_id)
    await responses.cancel(thread.id)
    return {}


@handles("threads.resume")
async def threads_resume(ctx: RequestContext, params: p.ThreadsResumeParams) -> None:
    thread = await store.aget_thread(ctx.session, params.thread_id)
    if params.after_seq > thread.last_seq:
        raise p.ProtocolError(
            "invalid_request",
            f"after_seq: the thread is only at seq {thread.last_seq}.",
            field="params.after_seq",
        )
    # A response whose process died is followed too: another process is about to close it.
    await ctx.follow(thread.id, params.after_seq, thread.running_response or None)


# --- reading and editing threads ----------------------------------------------------------


@handles("threads.get_by_id")
async def threads_get_by_id(ctx: RequestContext, params: p.ThreadIdParams) -> dict[str, Any]:
    return await store.asnapshot(ctx.session, params.thread_id)


@handles("threads.list")
async def threads_list(ctx: RequestContext, params: p.ThreadsListParams) -> dict[str, Any]:
    page = await store.alist_threads(ctx.session, params.limit, params.order, params.after)
    return page.dump()


@handles("threads.update")
async def threads_update(ctx: RequestContext, params: p.ThreadsUpdateParams) -> dict[str, Any]:
    return await store.aupdate_title(ctx.session, params.thread_id, params.title)


@handles("threads.delete")
async def threads_delete(ctx: RequestContext, params: p.ThreadIdParams) -> dict[str, Any]:
    await store.adelete_thread(ctx.session, params.thread_id)
    return {}


@handles("items.list")
async def items_list(ctx: RequestContext, params: p.ItemsListParams) -> dict[str, Any]:
    thread = await store.aget_thread(ctx.session, params.thread_id)
    page = await store.alist_items(thread, params.limit, params.order, params.after)
    return page.dump()


@handles("items.feedback")
async def items_feedback(ctx: RequestContext, params: p.ItemsFeedbackParams) -> dict[str, Any]:
    await store.asave_feedback(
        ctx.session, params.thread_id, params.item_ids, params.kind, params.comment or ""
    )
    return {}


@handles("attachments.create")
async def attachments_create(
    ctx: RequestContext, params: p.AttachmentsCreateParams
) -> dict[str, Any]:
    deployment, _ = await _agent_for(ctx)
    try:
        attachment = await database_sync_to_async(attachments.reserve)(
            deployment, ctx.session.visitor.key, params.name, params.size, params.mime_type
        )
    except attachments.AttachmentError as e:
        raise _refusal(e) from None
    return attachments.to_json(attachment, upload_url=f"/api/attachments/{attachment.id}/upload")


@handles("attachments.delete")
async def attachments_delete(
    ctx: RequestContext, params: p.AttachmentsDeleteParams
) -> dict[str, Any]:
    deployment, _ = await _agent_for(ctx)
    try:
        await database_sync_to_async(attachments.remove)(
            deployment, ctx.session.visitor.key, params.attachment_id
        )
    except attachments.AttachmentError as e:
        raise _refusal(e) from None
    return {}
