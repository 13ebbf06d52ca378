"""Persistence of threads, items and the event log; every function here is one short transaction.

Each function is synchronous and has an async twin (`a`-prefixed) for the consumer, in the
style of channels' `database_sync_to_async` helpers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from channels.db import database_sync_to_async
from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from chatkit.models import Deployment, Feedback, Response, Thread, ThreadEvent, ThreadItem
from chatkit.protocol import HIDDEN_ITEM_TYPES, Page, ProtocolError, ThreadData
from chatkit.sessions import Session


def not_found(what: str = "thread") -> ProtocolError:
    # Missing and foreign look the same: a visitor cannot probe for other visitors' ids.
    return ProtocolError("not_found", f"No such {what}.")


def get_deployment(pk: int) -> Deployment | None:
    return Deployment.objects.filter(pk=pk).first()


def get_thread(session: Session, thread_id: str) -> Thread:
    thread = Thread.objects.filter(
        pk=thread_id, deployment_id=session.deployment_id, visitor=session.visitor.key
    ).first()
    if thread is None:
        raise not_found()
    return thread


def create_thread(session: Session, title: str = "") -> Thread:
    return Thread.objects.create(
        deployment_id=session.deployment_id,
        title=title,
        visitor=session.visitor.key,
        visitor_name=session.visitor.name,
        visitor_email=session.visitor.email,
    )


def thread_data(thread: Thread, items: Page | None = None) -> dict[str, Any]:
    data = ThreadData(
        id=thread.id,
        title=thread.title or None,
        created_at=thread.created_at,
        status=thread.status,
        items=items or Page(data=[]),
    ).dump()
    return data


def _page(rows: list, limit: int, cursor_of) -> Page:
    has_more = len(rows) > limit
    rows = rows[:limit]
    return Page(
        data=rows, has_more=has_more, after=cursor_of(rows[-1]) if rows and has_more else None
    )


def list_items(thread: Thread, limit: int, order: str, after: str | None) -> Page:
    qs = ThreadItem.objects.filter(thread=thread).exclude(type__in=HIDDEN_ITEM_TYPES)
    if after:
        anchor = (
            ThreadItem.objects.filter(thread=thread, pk=after)
            .values_list("position", flat=True)
            .first()
        )
        if anchor is None:
            raise ProtocolError(
                "invalid_request", "after: no such item in this thread.", field="params.after"
            )
        if order == "asc":
            qs = qs.filter(Q(position__gt=anchor) | Q(position=anchor, id__gt=after))
        else:
            qs = qs.filter(Q(position__lt=anchor) | Q(position=anchor, id__lt=after))
    ordering = ["position", "id"] if order == "asc" else ["-position", "-id"]
    rows = list(qs.order_by(*ordering).values("id", "data")[: limit + 1])
    page = _page(rows, limit, lambda row: row["id"])
    page.data = [row["data"] for row in page.data]
    return page


def snapshot(session: Session, thread_id: str) -> dict[str, Any]:
    """A thread with its latest items and the seq they correspond to.

    The thread row is locked while reading so `last_seq` and the items agree: resuming
    from `last_seq` then neither repeats nor misses a character.
    """
    with transaction.atomic():
        thread = get_thread(session, thread_id)
        thread = Thread.objects.select_for_update().get(pk=thread.pk)
        page = list_items(thread, 20, "desc", None)
        page.data.reverse()
        data = thread_data(thread, page)
        data["last_seq"] = thread.last_seq
        # Also while a dead process's answer waits to be closed: the client follows it and
        # receives its ending.
        data["running"] = bool(thread.running_response)
        return data


def list_threads(session: Session, limit: int, order: str, after: str | None) -> Page:
    qs = Thread.objects.filter(deployment_id=session.deployment_id, visitor=session.visitor.key)
    if after:
        anchor = qs.filter(pk=after).values_list("created_at", flat=True).first()
        if anchor is None:
            raise ProtocolError("invalid_request", "after: no such thread.", field="params.after")
        if order == "asc":
            qs = qs.filter(Q(created_at__gt=anchor) | Q(created_at=anchor, id__gt=after))
        else:
            qs = qs.filter(Q(created_at__lt=anchor) | Q(created_at=anchor, id__lt=after))
    ordering = ["created_at", "id"] if order == "asc" else ["-created_at", "-id"]
    threads = list(qs.order_by(*ordering)[: limit + 1])
    page = _page(threads, limit, lambda thread: thread.id)
    page.data = [thread_data(thread) for thread in page.data]
    return page


def update_title(session: Session, thread_id: str, title: str) -> dict[str, Any]:
    thread = get_thread(session, thread_id)
    thread.title = title.strip()
    thread.save(update_fields=["title"])
    return thread_data(thread)


def delete_thread(session: Session, thread_id: str) -> None:
    thread = get_thread(session, thread_id)
    if is_running(thread):
        raise ProtocolError("busy", "A response is running in this thread; stop it first.")
    thread.delete()


def get_item(thread: Thread, item_id: str) -> ThreadItem:
    item = ThreadItem.objects.filter(thread=thread, pk=item_id).first()
    if item is None or item.type in HIDDEN_ITEM_TYPES:
        raise not_found("item")
    return item


def get_thread_item(thread_id: str, item_id: str) -> ThreadItem:
    item = ThreadItem.objects.filter(thread_id=thread_id, pk=item_id).first()
    if item is None:
        raise not_found("item")
    return item


def items_for_agent(thread_id: str, limit: int = 100) -> list[dict[str, Any]]:
    """The latest items of a thread, oldest first, hidden context included (agents need it)."""
    rows = ThreadItem.objects.filter(thread_id=thread_id).order_by("-position", "-id")[:limit]
    return [row.data for row in reversed(rows)]


def save_feedback(
    session: Session, thread_id: str, item_ids: list[str], kind: str, comment: str
) -> None:
    thread = get_thread(session, thread_id)
    items = list(
        ThreadItem.objects.filter(thread=thread, pk__in=item_ids).exclude(
            type__in=HIDDEN_ITEM_TYPES
        )
    )
    if len(items) != len(set(item_ids)):
        raise not_found("item")
    with transaction.atomic():
        for item in items:
            Feedback.objects.update_or_create(
                item=item, defaults={"thread": thread, "kind": kind, "comment": comment}
            )


# --- responses: claiming a thread, the event log -----------------------------------------
#
# A running response holds a lease on its thread: `running_response` names it and
# `running_heartbeat` says when its process last proved it was alive. Every write of the
# response is fenced by that name, so a response whose lease was taken over (its process
# was presumed dead) can never write after the takeover.


class LeaseLost(Exception):
    """The response no longer holds its thread: it was reaped, or the thread is gone."""


def _stale_before() -> datetime:
    return timezone.now() - timedelta(seconds=settings.CHATKIT_RUN_LEASE)


def is_running(thread: Thread) -> bool:
    if not thread.running_response or thread.running_heartbeat is None:
        return False
    return thread.running_heartbeat > _stale_before()


def count_running(deployment_id: int, visitor: str) -> int:
    return (
        Thread.objects.filter(
            deployment_id=deployment_id, visitor=visitor, running_heartbeat__gte=_stale_before()
        )
        .exclude(running_response="")
        .count()
    )


def heartbeat(thread_id: str, response_id: str) -> str:
    """Renew the lease: "alive", "cancel" (a visitor pressed Stop) or "lost"."""
    renewed = Thread.objects.filter(
        pk=thread_id, running_response=response_id, cancel_requested=False
    ).update(running_heartbeat=timezone.now())
    if renewed:
        return "alive"
    held = Thread.objects.filter(pk=thread_id, running_response=response_id).exists()
    return "cancel" if held else "lost"


def request_cancel(thread_id: str) -> bool:
    """Ask the running response to stop (it sees this at its next heartbeat at the latest)."""
    return bool(
        Thread.objects.filter(pk=thread_id)
        .exclude(running_response="")
        .update(cancel_requested=True)
    )


@dataclass
class ItemWrite:
    """The state of an item after a batch of events, to be stored with them."""

    item: dict[str, Any]
    is_done: bool
    seq_offset: int  # index in the batch of the last event that touched it
    removed: bool = False


def item_writes(events: list[dict[str, Any]]) -> dict[str, ItemWrite]:
    """The item rows a batch of whole-item events (added, done, replaced, removed) leaves."""
    writes: dict[str, ItemWrite] = {}
    for i, event in enumerate(events):
        kind = event["type"]
        if kind in ("thread.item.added", "thread.item.done", "thread.item.replaced"):
            writes[event["item"]["id"]] = ItemWrite(event["item"], kind != "thread.item.added", i)
        elif kind == "thread.item.removed":
            writes[event["item_id"]] = ItemWrite({}, True, i, removed=True)
    return writes


def append_events(
    thread_id: str,
    request_id: str,
    events: list[dict[str, Any]],
    item_writes: dict[str, ItemWrite],
    response_id: str | None = None,
) -> int:
    """Store a batch of events and the items they changed atomically; return the first seq.

    With `response_id`, only while that response holds the thread (else `LeaseLost`); the
    write also renews its lease.
    """
    now = timezone.now()
    n = len(events)
    with transaction.atomic():
        threads = Thread.objects.filter(pk=thread_id)
        changes: dict[str, Any] = {"last_seq": F("last_seq") + n, "updated_at": now}
        if response_id is not None:
            threads = threads.filter(running_response=response_id)
            changes["running_heartbeat"] = now
        if not threads.update(**changes):
            raise LeaseLost(thread_id)
        last_seq = Thread.objects.filter(pk=thread_id).values_list("last_seq", flat=True).get()
        first_seq = last_seq - n + 1
        _insert(thread_id, request_id, events, item_writes, first_seq, now)
    return first_seq


def _insert(
    thread_id: str,
    request_id: str,
    events: list[dict[str, Any]],
    item_writes: dict[str, ItemWrite],
    first_seq: int,
    now: datetime,
) -> None:
    ThreadEvent.objects.bulk_create(
        ThreadEvent(
            thread_id=thread_id,
            seq=first_seq + i,
            request_id=request_id,
            event=event,
            created_at=now,
        )
        for i, event in enumerate(events)
    )
    removed = [item_id for item_id, write in item_writes.items() if write.removed]
    if removed:
        ThreadItem.objects.filter(thread_id=thread_id, pk__in=removed).delete()
    rows = [
        ThreadItem(
            id=item_id,
            thread_id=thread_id,
            type=write.item["type"],
            data=write.item,
            position=first_seq + write.seq_offset,
            updated_seq=first_seq + write.seq_offset,
            is_done=write.is_done,
        )
        for item_id, write in item_writes.items()
        if not write.removed
    ]
    if rows:
        ThreadItem.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["id"],
            update_fields=["data", "updated_seq", "is_done"],
        )


def events_after(
    thread_id: str, after_seq: int, limit: int = 500, up_to: int | None = None
) -> list[tuple[int, dict[str, Any]]]:
    """What a client that has seen `after_seq` needs next to reach the thread's state: at
    most `limit` events (fewer means it is caught up), optionally none after `up_to`.

    Exact events while they are retained; beyond that, one `thread.item.done` per item that
    changed since (numbered with the seq of its last change), then the retained events.
    """
    first_kept = (
        ThreadEvent.objects.filter(thread_id=thread_id, seq__gt=after_seq)
        .order_by("seq")
        .values_list("seq", flat=True)
        .first()
    )
    out: list[tuple[int, dict[str, Any]]] = []
    if first_kept is not None and after_seq + 1 < first_kept:
        changed = (
            ThreadItem.objects.filter(
                thread_id=thread_id, updated_seq__gt=after_seq, updated_seq__lt=first_kept
            )
            .exclude(type__in=HIDDEN_ITEM_TYPES)
            .order_by("updated_seq")
        )
        out.extend(
            (item.updated_seq, {"type": "thread.item.done", "item": item.data}) for item in changed
        )
    events = ThreadEvent.objects.filter(thread_id=thread_id, seq__gt=after_seq)
    if up_to is not None:
        events = events.filter(seq__lte=up_to)
    out.extend(events.order_by("seq").values_list("seq", "event")[: max(limit - len(out), 1)])
    return out


def prune_events(thread_id: str) -> None:
    cutoff = timezone.now() - timedelta(seconds=settings.CHATKIT_EVENT_RETENTION)
    ThreadEvent.objects.filter(thread_id=thread_id, created_at__lt=cutoff).delete()


def begin_response(
    thread: Thread,
    response_id: str,
    kind: str,
    request_id: str,
    preamble: list[dict[str, Any]],
    item_writes: dict[str, ItemWrite],
    interrupted: dict[str, Any],
) -> tuple[int | None, Reaped | None]:
    """Claim the thread for a new response, record it and store its first events (the
    visitor's message...) in one transaction. Returns the first seq (None if a response is
    running), and the previous response if its process had died: it is closed first, with
    the `interrupted` error, and its followers must hear of it."""
    now = timezone.now()
    stale = _stale_before()
    with transaction.atomic():
        previous = (
            Thread.objects.filter(pk=thread.id, running_heartbeat__lt=stale)
            .exclude(running_response="")
            .values_list("running_response", flat=True)
            .first()
        )
        reaped = interrupt(thread.id, previous, interrupted, stale) if previous else None
        claimed = Thread.objects.filter(pk=thread.id, running_response="").update(
            running_response=response_id, running_heartbeat=now, cancel_requested=False
        )
        if not claimed:
            return None, reaped
        Response.objects.create(
            id=response_id, deployment_id=thread.deployment_id, thread=thread, kind=kind
        )
        first_seq = append_events(thread.id, request_id, preamble, item_writes, response_id)
    prune_events(thread.id)
    return first_seq, reaped


def claim_runner(response_id: str, runner: str) -> bool:
    """Become the one process that runs the response (a turn may be delivered twice)."""
    return bool(
        Response.objects.filter(pk=response_id, runner="", outcome=Response.Outcome.RUNNING).update(
            runner=runner[:100]
        )
    )


def finish_response(thread_id: str, response_id: str, **fields: Any) -> bool:
    """Record how the response ended and free its thread; False if its lease was lost."""
    with transaction.atomic():
        released = Thread.objects.filter(pk=thread_id, running_response=response_id).update(
            running_response="", running_heartbeat=None, cancel_requested=False
        )
        if released:
            Response.objects.filter(pk=response_id).update(**fields)
    return bool(released)


@dataclass
class Reaped:
    """A response whose process died, closed by another one: what its followers need."""

    thread_id: str
    response_id: str
    events: list[tuple[int, dict[str, Any]]]


def reap_stale(error: dict[str, Any], keep: frozenset[str] = frozenset()) -> list[Reaped]:
    """Close the responses whose lease ran out (their process died): keep what they stored,
    end their open items, add `error` and free the thread. `keep`: threads this process
    runs itself, alive whatever their lease says."""
    stale = _stale_before()
    candidates = list(
        Thread.objects.filter(running_heartbeat__lt=stale)
        .exclude(running_response="")
        .exclude(pk__in=keep)
        .values_list("pk", "running_response")[:50]
    )
    return [
        reaped
        for thread_id, response_id in candidates
        if (reaped := interrupt(thread_id, response_id, error, stale)) is not None
    ]


def interrupt(
    thread_id: str, response_id: str, error: dict[str, Any], stale: datetime | None = None
) -> Reaped | None:
    """Take the thread from the response (only if its lease is older than `stale`, when
    given) and close it as interrupted; None if another process already did."""
    now = timezone.now()
    with transaction.atomic():
        # Only one process wins the takeover; the row stays locked until the events are in.
        held = Thread.objects.filter(pk=thread_id, running_response=response_id)
        if stale is not None:
            held = held.filter(running_heartbeat__lt=stale)
        taken = held.update(running_response="", running_heartbeat=None, cancel_requested=False)
        if not taken:
            return None
        events = [
            {"type": "thread.item.removed", "item_id": item.id}
            if is_empty_message(item.data)
            else {"type": "thread.item.done", "item": item.data}
            for item in ThreadItem.objects.filter(thread_id=thread_id, is_done=False)
        ]
        events.append(error)
        first_seq = append_events(thread_id, "", events, item_writes(events))
        response = Response.objects.filter(pk=response_id, outcome=Response.Outcome.RUNNING)
        started = response.values_list("started_at", flat=True).first()
        response.update(
            outcome=Response.Outcome.ERROR,
            error_code="interrupted",
            duration_ms=int((now - started).total_seconds() * 1000) if started else None,
        )
    return Reaped(thread_id, response_id, [(first_seq + i, e) for i, e in enumerate(events)])


def running_responses(thread_ids: list[str]) -> dict[str, str]:
    """Which of these threads have a response that has not ended yet, and which one. One
    whose process died counts until another process has closed it (and said so)."""
    return dict(
        Thread.objects.filter(pk__in=thread_ids)
        .exclude(running_response="")
        .values_list("pk", "running_response")
    )


def is_empty_message(item: dict[str, Any]) -> bool:
    return item.get("type") == "assistant_message" and not any(
        part.get("text") for part in item.get("content", [])
    )


def user_message_position(thread: Thread, item_id: str) -> ThreadItem:
    item = get_item(thread, item_id)
    if item.type != "user_message":
        raise ProtocolError(
            "invalid_request", "item_id: retry needs a user message.", field="params.item_id"
        )
    return item


def pending_tool_call(thread: Thread) -> dict[str, Any] | None:
    item = (
        ThreadItem.objects.filter(thread=thread, type="client_tool_call", data__status="pending")
        .order_by("-position")
        .first()
    )
    return item.data if item else None


def items_after(thread: Thread, item: ThreadItem) -> list[str]:
    return list(
        ThreadItem.objects.filter(thread=thread)
        .filter(Q(position__gt=item.position) | Q(position=item.position, id__gt=item.id))
        .values_list("id", flat=True)
    )


aget_deployment = database_sync_to_async(get_deployment)
aget_thread = database_sync_to_async(get_thread)
acreate_thread = database_sync_to_async(create_thread)
asnapshot = database_sync_to_async(snapshot)
alist_items = database_sync_to_async(list_items)
alist_threads = database_sync_to_async(list_threads)
aupdate_title = database_sync_to_async(update_title)
adelete_thread = database_sync_to_async(delete_thread)
aget_item = database_sync_to_async(get_item)
aget_thread_item = database_sync_to_async(get_thread_item)
aitems_for_agent = database_sync_to_async(items_for_agent)
asave_feedback = database_sync_to_async(save_feedback)
aheartbeat = database_sync_to_async(heartbeat)
arequest_cancel = database_sync_to_async(request_cancel)
aappend_events = database_sync_to_async(append_events)
aevents_after = database_sync_to_async(events_after)
abegin_response = database_sync_to_async(begin_response)
afinish_response = database_sync_to_async(finish_response)
aclaim_runner = database_sync_to_async(claim_runner)
areap_stale = database_sync_to_async(reap_stale)
ainterrupt = database_sync_to_async(interrupt)
arunning_responses = database_sync_to_async(running_responses)
auser_message_position = database_sync_to_async(user_message_position)
apending_tool_call = database_sync_to_async(pending_tool_call)
aitems_after = database_sync_to_async(items_after)
ais_running = database_sync_to_async(is_running)
