"""What each websocket request does (SPEC §7). One function per request type.

Non-streaming handlers return the `result` object; streaming ones start a response run
(or a watch) on the connection and return None, the run sends the frames and `done`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from channels.db import database_sync_to_async
from django.utils import timezone

from chatkit import attachments, observed, ratelimit, store
from chatkit import protocol as p
from chatkit.agents import Agent, AgentContext, load_agent
from chatkit.config import RateLimits
from chatkit.models import new_id
from chatkit.responses import INVALID_WIDGET, ResponseRunner, thread_group
from chatkit.sessions import SessionError, check_deployment, read_session
from widgets.validation import validate_widget

if TYPE_CHECKING:
    from chatkit.consumers import ChatConsumer
    from chatkit.models import Deployment, Thread

log = logging.getLogger(__name__)
MISCONFIGURED = "The assistant of this chat is not configured correctly."

Handler = Callable[["ChatConsumer", Any], Awaitable[dict[str, Any] | None]]
HANDLERS: dict[str, Handler] = {}


def handles(request_type: str) -> Callable[[Handler], Handler]:
    def register(func: Handler) -> Handler:
        HANDLERS[request_type] = func
        return func

    return register


async def handle(conn: ChatConsumer, request: p.Request) -> dict[str, Any] | None:
    return await HANDLERS[request.type](conn, request.params)


# --- session ---------------------------------------------------------------------------


@handles("session.auth")
async def session_auth(conn: ChatConsumer, params: p.SessionAuthParams) -> dict[str, Any]:
    try:
        session = read_session(params.token)
        deployment = check_deployment(await store.aget_deployment(session.deployment_id), session)
    except SessionError as e:
        raise p.ProtocolError("unauthenticated", e.message, reason=e.code) from None
    first_auth = conn.session is None
    if not first_auth and (
        conn.session.deployment_id != session.deployment_id
        or conn.session.visitor != session.visitor
    ):
        raise p.ProtocolError(
            "invalid_request", "A connection cannot change visitor; reconnect instead."
        )
    conn.session = session
    conn.session_checked_at = time.monotonic()
    if first_auth:
        conn.auth_timer.cancel()
        await database_sync_to_async(observed.connection_opened)(
            conn.channel_name, deployment.pk, session.visitor.key
        )
        group = f"deployment.{deployment.pk}"
        await conn.channel_layer.group_add(group, conn.channel_name)
        conn.groups_joined.add(group)
    return {"visitor": session.visitor.public_dict()}


@handles("ping")
async def ping(conn: ChatConsumer, params: p.NoParams) -> dict[str, Any]:
    if time.monotonic() - conn.last_seen_noted > observed.LIVE_TIMEOUT / 3:
        conn.last_seen_noted = time.monotonic()
        await database_sync_to_async(observed.connection_seen)(conn.channel_name)
    return {}


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


async def _agent_for(conn: ChatConsumer) -> tuple[Deployment, Agent]:
    """The deployment (checked again: it may have been disabled or rotated) and its agent."""
    try:
        deployment = check_deployment(
            await store.aget_deployment(conn.session.deployment_id), conn.session
        )
    except SessionError as e:
        raise p.ProtocolError("unauthenticated", e.message, reason=e.code) from None
    try:
        return deployment, load_agent(deployment)
    except ValueError:
        log.exception("cannot load the agent of deployment %s", deployment.pk)
        raise p.ProtocolError("internal", MISCONFIGURED) from None


StreamFactory = Callable[[AgentContext], Any]


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
    conn: ChatConsumer,
    thread: Thread,
    agent: Agent,
    preamble: list[p.Wire],
    stream: StreamFactory,
    kind: str = "message",
) -> None:
    """Claim the thread (or answer `busy`) and run the response in its own task."""
    response_id = new_id("resp")
    if not await store.abegin_response(thread, response_id, kind):
        raise p.ProtocolError("busy", "A response is already running in this thread.")
    await conn.join(thread.id)
    ctx = AgentContext(
        deployment=agent.deployment, thread_id=thread.id, visitor=conn.session.visitor
    )
    runner = ResponseRunner(
        ctx=ctx,
        request_id=conn.request_id,
        response_id=response_id,
        deliver=conn.send_frames,
        publish=conn.publish,
    )
    conn.start_run(runner, runner.run(preamble, stream))


async def _agent_within_limits(conn: ChatConsumer) -> Agent:
    """The agent, once the visitor is within the rate limits (checked before any write)."""
    deployment, agent = await _agent_for(conn)
    await database_sync_to_async(_check_rate_limits)(deployment, conn.session.visitor.key)
    return agent


async def _send_message(
    conn: ChatConsumer, message: p.UserMessageInput, thread: Thread | None
) -> None:
    """Store a visitor's message (in a new thread when `thread` is None) and answer it.

    A refusal at any step changes nothing: claimed files are released, a new thread removed.
    """
    _check_message(message)
    agent = await _agent_within_limits(conn)
    item_id = new_id("msg")
    visitor = conn.session.visitor.key
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
            thread = await store.acreate_thread(conn.session, _title_from(message))
        if files:
            await database_sync_to_async(attachments.link_to_thread)(item_id, thread.id)
            files = [{**described, "thread_id": thread.id} for described in files]
        item = _user_message(item_id, thread.id, message, files)
        preamble: list[p.Wire] = [p.ThreadItemDone(item=item), p.StreamOptions()]
        if created:
            thread_data = p.ThreadData.model_validate(store.thread_data(thread))
            preamble.insert(0, p.ThreadCreated(thread=thread_data))
        await _start(conn, thread, agent, preamble, lambda ctx: agent.respond(ctx, item))
    except p.ProtocolError:
        await database_sync_to_async(attachments.release)(item_id)
        if created and thread is not None:
            await database_sync_to_async(thread.delete)()
        raise


async def _open_thread(conn: ChatConsumer, thread_id: str) -> Thread:
    thread = await store.aget_thread(conn.session, thread_id)
    _check_open(thread)
    return thread


@handles("threads.create")
async def threads_create(conn: ChatConsumer, params: p.ThreadsCreateParams) -> None:
    await _send_message(conn, params.input, None)


@handles("threads.add_user_message")
async def threads_add_user_message(
    conn: ChatConsumer, params: p.ThreadsAddUserMessageParams
) -> None:
    await _send_message(conn, params.input, await _open_thread(conn, params.thread_id))


@handles("threads.retry_after_item")
async def threads_retry_after_item(
    conn: ChatConsumer, params: p.ThreadsRetryAfterItemParams
) -> None:
    thread = await _open_thread(conn, params.thread_id)
    anchor = await store.auser_message_position(thread, params.item_id)
    agent = await _agent_within_limits(conn)
    later = await store.aitems_after(thread, anchor)
    item = p.UserMessageItem.model_validate(anchor.data)
    preamble = [*(p.ThreadItemRemoved(item_id=item_id) for item_id in later), p.StreamOptions()]
    await _start(conn, thread, agent, preamble, lambda ctx: agent.respond(ctx, item), "retry")


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
async def threads_custom_action(conn: ChatConsumer, params: p.ThreadsCustomActionParams) -> None:
    thread = await _open_thread(conn, params.thread_id)
    sender = await _sender(thread, params.item_id)
    agent = await _agent_within_limits(conn)
    stream = lambda ctx: agent.action(ctx, params.action, sender)  # noqa: E731
    await _start(conn, thread, agent, [p.StreamOptions()], stream, "action")


@handles("threads.sync_custom_action")
async def threads_sync_custom_action(
    conn: ChatConsumer, params: p.ThreadsCustomActionParams
) -> dict[str, Any]:
    thread = await _open_thread(conn, params.thread_id)
    sender = await _sender(thread, params.item_id)
    deployment, agent = await _agent_for(conn)
    ctx = AgentContext(deployment=deployment, thread_id=thread.id, visitor=conn.session.visitor)
    updated = await agent.sync_action(ctx, params.action, sender)
    if updated is None:
        return {}
    item = p.WidgetItem.model_validate(updated).dump()
    if sender is None or item["id"] != sender["id"]:
        raise p.ProtocolError("internal", "The agent returned a different item than the sender.")
    if validate_widget(item["widget"]):
        raise p.ProtocolError("internal", INVALID_WIDGET)
    event = {"type": "thread.item.replaced", "item": item}
    seq = await store.aappend_events(
        thread.id, conn.request_id, [event], {item["id"]: store.ItemWrite(item, True, 0)}
    )
    frame = p.stream_frame(conn.request_id, thread.id, seq, event)
    await conn.publish({"type": "thread.frames", "thread_id": thread.id, "frames": [frame]})
    return {"updated_item": item}


@handles("threads.add_client_tool_output")
async def threads_add_client_tool_output(
    conn: ChatConsumer, params: p.ThreadsAddClientToolOutputParams
) -> None:
    thread = await _open_thread(conn, params.thread_id)
    pending = await store.apending_tool_call(thread)
    if pending is None:
        raise p.ProtocolError(
            "invalid_request", "thread_id: no client tool call is waiting for output."
        )
    agent = await _agent_within_limits(conn)
    done = {**pending, "status": "completed", "output": params.result}
    preamble = [p.ThreadItemDone(item=p.ClientToolCallItem.model_validate(done)), p.StreamOptions()]
    await _start(conn, thread, agent, preamble, lambda ctx: agent.respond(ctx, None), "tool_output")


# --- following and stopping responses ----------------------------------------------------


@handles("threads.cancel")
async def threads_cancel(conn: ChatConsumer, params: p.ThreadIdParams) -> dict[str, Any]:
    thread = await store.aget_thread(conn.session, params.thread_id)
    if not conn.cancel_local_run(thread.id) and store.is_running(thread):
        # Running on another connection, perhaps in another process: ask its owner.
        await conn.channel_layer.group_send(
            thread_group(thread.id), {"type": "thread.cancel", "thread_id": thread.id}
        )
    return {}


@handles("threads.resume")
async def threads_resume(conn: ChatConsumer, params: p.ThreadsResumeParams) -> None:
    from chatkit.consumers import Watch

    thread = await store.aget_thread(conn.session, params.thread_id)
    if params.after_seq > thread.last_seq:
        raise p.ProtocolError(
            "invalid_request",
            f"after_seq: the thread is only at seq {thread.last_seq}.",
            field="params.after_seq",
        )
    # Join first, read second: an event is either in what we read or arrives live after.
    await conn.join(thread.id)
    replay = await store.aevents_after(thread, params.after_seq)
    frames = [p.stream_frame(conn.request_id, thread.id, seq, event) for seq, event in replay]
    await conn.send_frames(frames)
    last_seq = frames[-1]["seq"] if frames else params.after_seq
    thread = await store.aget_thread(conn.session, thread.id)
    if store.is_running(thread) and thread.id not in conn.runs:
        conn.start_watch(thread.id, Watch(request_id=conn.request_id, last_seq=last_seq))
    else:
        await conn.send_json(p.done_frame(conn.request_id, thread.id))


# --- reading and editing threads ----------------------------------------------------------


@handles("threads.get_by_id")
async def threads_get_by_id(conn: ChatConsumer, params: p.ThreadIdParams) -> dict[str, Any]:
    return await store.asnapshot(conn.session, params.thread_id)


@handles("threads.list")
async def threads_list(conn: ChatConsumer, params: p.ThreadsListParams) -> dict[str, Any]:
    page = await store.alist_threads(conn.session, params.limit, params.order, params.after)
    return page.dump()


@handles("threads.update")
async def threads_update(conn: ChatConsumer, params: p.ThreadsUpdateParams) -> dict[str, Any]:
    return await store.aupdate_title(conn.session, params.thread_id, params.title)


@handles("threads.delete")
async def threads_delete(conn: ChatConsumer, params: p.ThreadIdParams) -> dict[str, Any]:
    await store.adelete_thread(conn.session, params.thread_id)
    return {}


@handles("items.list")
async def items_list(conn: ChatConsumer, params: p.ItemsListParams) -> dict[str, Any]:
    thread = await store.aget_thread(conn.session, params.thread_id)
    page = await store.alist_items(thread, params.limit, params.order, params.after)
    return page.dump()


@handles("items.feedback")
async def items_feedback(conn: ChatConsumer, params: p.ItemsFeedbackParams) -> dict[str, Any]:
    await store.asave_feedback(
        conn.session, params.thread_id, params.item_ids, params.kind, params.comment or ""
    )
    return {}


@handles("attachments.create")
async def attachments_create(
    conn: ChatConsumer, params: p.AttachmentsCreateParams
) -> dict[str, Any]:
    deployment, _ = await _agent_for(conn)
    try:
        attachment = await database_sync_to_async(attachments.reserve)(
            deployment, conn.session.visitor.key, params.name, params.size, params.mime_type
        )
    except attachments.AttachmentError as e:
        raise _refusal(e) from None
    return attachments.to_json(attachment, upload_url=f"/api/attachments/{attachment.id}/upload")


@handles("attachments.delete")
async def attachments_delete(
    conn: ChatConsumer, params: p.AttachmentsDeleteParams
) -> dict[str, Any]:
    deployment, _ = await _agent_for(conn)
    try:
        await database_sync_to_async(attachments.remove)(
            deployment, conn.session.visitor.key, params.attachment_id
        )
    except attachments.AttachmentError as e:
        raise _refusal(e) from None
    return {}
