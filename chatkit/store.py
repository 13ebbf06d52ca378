"""Persistence of threads, items and the event log; every function here is one short transaction.

Each function is synchronous and has an async twin (`a`-prefixed) for the consumer, in the
style of channels' `database_sync_to_async` helpers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
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
        data["running"] = is_running(thread)
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


def is_running(thread: Thread) -> bool:
    if not thread.running_response or thread.running_heartbeat is None:
        return False
    return thread.running_heartbeat > timezone.now() - timedelta(seconds=settings.CHATKIT_RUN_LEASE)


def count_running(deployment_id: int, visitor: str) -> int:
    stale = timezone.now() - timedelta(seconds=settings.CHATKIT_RUN_LEASE)
    return (
        Thread.objects.filter(
            deployment_id=deployment_id, visitor=visitor, running_heartbeat__gte=stale
        )
        .exclude(running_response="")
        .count()
    )


def claim_thread(thread_id: str, response_id: str) -> bool:
    """Mark a response as running in the thread unless a live one already is (any process)."""
    now = timezone.now()
    stale = now - timedelta(seconds=settings.CHATKIT_RUN_LEASE)
    claimed = (
        Thread.objects.filter(pk=thread_id)
        .filter(
            Q(running_response="")
            | Q(running_heartbeat__isnull=True)
            | Q(running_heartbeat__lt=stale)
        )
        .update(running_response=response_id, running_heartbeat=now)
    )
    return claimed == 1


def heartbeat(thread_id: str, response_id: str) -> None:
    Thread.objects.filter(pk=thread_id, running_response=response_id).update(
        running_heartbeat=timezone.now()
    )


def release_thread(thread_id: str, response_id: str) -> None:
    Thread.objects.filter(pk=thread_id, running_response=response_id).update(
        running_response="", running_heartbeat=None
    )


@dataclass
class ItemWrite:
    """The state of an item after a batch of events, to be stored with them."""

    item: dict[str, Any]
    is_done: bool
    seq_offset: int  # index in the batch of the last event that touched it
    removed: bool = False


def append_events(
    thread_id: str, request_id: str, events: list[dict[str, Any]], item_writes: dict[str, ItemWrite]
) -> int:
    """Store a batch of events and the items they changed atomically; return the first seq."""
    now = timezone.now()
    n = len(events)
    with transaction.atomic():
        Thread.objects.filter(pk=thread_id).update(last_seq=F("last_seq") + n, updated_at=now)
        last_seq = Thread.objects.filter(pk=thread_id).values_list("last_seq", flat=True).get()
        first_seq = last_seq - n + 1
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
    return first_seq


def events_after(thread: Thread, after_seq: int) -> list[tuple[int, dict[str, Any]]]:
    """What a client that has seen `after_seq` needs to reach the thread's current state.

    Exact events while they are retained; beyond that, one `thread.item.done` per item that
    changed since (numbered with the seq of its last change), then the retained events.
    """
    first_kept = (
        ThreadEvent.objects.filter(thread=thread)
        .order_by("seq")
        .values_list("seq", flat=True)
        .first()
    )
    out: list[tuple[int, dict[str, Any]]] = []
    if first_kept is not None and after_seq + 1 < first_kept:
        changed = (
            ThreadItem.objects.filter(
                thread=thread, updated_seq__gt=after_seq, updated_seq__lt=first_kept
            )
            .exclude(type__in=HIDDEN_ITEM_TYPES)
            .order_by("updated_seq")
        )
        out.extend(
            (item.updated_seq, {"type": "thread.item.done", "item": item.data}) for item in changed
        )
    events = ThreadEvent.objects.filter(thread=thread, seq__gt=after_seq).order_by("seq")
    out.extend((event.seq, event.event) for event in events.iterator(chunk_size=500))
    return out


def prune_events(thread_id: str) -> None:
    cutoff = timezone.now() - timedelta(seconds=settings.CHATKIT_EVENT_RETENTION)
    ThreadEvent.objects.filter(thread_id=thread_id, created_at__lt=cutoff).delete()


def begin_response(thread: Thread, response_id: str, kind: str) -> bool:
    """Claim the thread for a new response and record it; False if one is already running."""
    if not claim_thread(thread.id, response_id):
        return False
    Response.objects.create(
        id=response_id, deployment_id=thread.deployment_id, thread=thread, kind=kind
    )
    prune_events(thread.id)
    return True


def finish_response(response_id: str, **fields: Any) -> None:
    Response.objects.filter(pk=response_id).update(**fields)


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
arelease_thread = database_sync_to_async(release_thread)
aappend_events = database_sync_to_async(append_events)
aevents_after = database_sync_to_async(events_after)
abegin_response = database_sync_to_async(begin_response)
afinish_response = database_sync_to_async(finish_response)
auser_message_position = database_sync_to_async(user_message_position)
apending_tool_call = database_sync_to_async(pending_tool_call)
aitems_after = database_sync_to_async(items_after)
ais_running = database_sync_to_async(is_running)
