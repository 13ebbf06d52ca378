"""Transcripts out of the database: JSON and CSV exports, and erasing one visitor's data.

Exports stream: threads are read in chunks and written as they are read, so a large
selection never sits in memory. JSON is ChatKit's own shape, a `Thread` with its items
exactly as stored (a selection is a `Page` of them); CSV is one row per item.

Erasing is the GDPR-style "forget me": everything one visitor left in one deployment.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import QuerySet

from chatkit.items import text_of
from chatkit.models import (
    Attachment,
    Deployment,
    Feedback,
    LiveConnection,
    Response,
    Thread,
    ThreadEvent,
    ThreadItem,
)
from chatkit.store import thread_data

# Above this, an export is refused with a request to narrow the filters: a streamed export
# of tens of thousands of threads is a database dump, not a transcript export.
MAX_EXPORT_THREADS = 5_000
CHUNK = 200
CSV_COLUMNS = ["thread", "item", "created_at", "visitor", "type", "text", "feedback", "comment"]
# Spreadsheets run cells that start with these as formulas; visitors choose the text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportTooLarge(ValueError):
    def __init__(self, count: int) -> None:
        super().__init__(
            f"This selection has {count:,} conversations; an export holds at most "
            f"{MAX_EXPORT_THREADS:,}. Narrow it with the filters (date, deployment) and "
            "export the parts one by one."
        )
        self.count = count


def check_size(threads: QuerySet) -> int:
    count = threads.count()
    if count > MAX_EXPORT_THREADS:
        raise ExportTooLarge(count)
    return count


# --- reading ------------------------------------------------------------------------------


@dataclass
class ThreadWithItems:
    thread: Thread
    items: list[ThreadItem]
    feedback: dict[str, Feedback] = field(default_factory=dict)


def with_items(threads: QuerySet) -> Iterator[ThreadWithItems]:
    """Threads in the queryset's order, each with its items (oldest first) and feedback,
    read a chunk of threads at a time."""
    ids = list(threads.values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        rows = Thread.objects.select_related("deployment").filter(pk__in=chunk)
        by_id = {thread.pk: thread for thread in rows}
        items: dict[str, list[ThreadItem]] = {pk: [] for pk in chunk}
        for item in ThreadItem.objects.filter(thread_id__in=chunk).order_by("position", "id"):
            items[item.thread_id].append(item)
        feedback: dict[str, dict[str, Feedback]] = {pk: {} for pk in chunk}
        for mark in Feedback.objects.filter(thread_id__in=chunk):
            feedback[mark.thread_id][mark.item_id] = mark
        for pk in chunk:
            if pk in by_id:  # deleted since the ids were read
                yield ThreadWithItems(by_id[pk], items[pk], feedback[pk])


# --- JSON -------------------------------------------------------------------------------------


def thread_json(entry: ThreadWithItems) -> dict[str, Any]:
    """ChatKit's `Thread`: its metadata and every item exactly as stored. Who the visitor
    was goes in `metadata`, which ChatKit keeps server-side."""
    data = thread_data(entry.thread)
    data["metadata"] = {
        "deployment": entry.thread.deployment.public_key,
        "visitor": entry.thread.visitor,
        "visitor_name": entry.thread.visitor_name,
        "visitor_email": entry.thread.visitor_email,
        "updated_at": entry.thread.updated_at,
    }
    data["items"] = {"data": [item.data for item in entry.items], "has_more": False}
    return data


def dumps(value: Any) -> str:
    return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)


def one_thread_json(thread: Thread) -> str:
    return dumps(thread_json(next(with_items(Thread.objects.filter(pk=thread.pk)))))


def threads_json(threads: QuerySet) -> Iterator[str]:
    """A `Page` of threads, streamed one thread at a time."""
    yield '{"data": ['
    for n, entry in enumerate(with_items(threads)):
        yield ("," if n else "") + "\n" + dumps(thread_json(entry))
    yield '\n], "has_more": false}\n'


# --- CSV --------------------------------------------------------------------------------------


def safe_cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def item_rows(entry: ThreadWithItems) -> Iterable[list[str]]:
    for item in entry.items:
        mark = entry.feedback.get(item.pk)
        yield [
            entry.thread.pk,
            item.pk,
            item.created_at.isoformat(),
            entry.thread.visitor,
            item.type,
            safe_cell(text_of(item.data)),
            mark.kind if mark else "",
            safe_cell(mark.comment) if mark else "",
        ]


def threads_csv(threads: QuerySet) -> Iterator[str]:
    """One row per item, streamed; the text is what a person would copy from the item."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(CSV_COLUMNS)
    yield flush()
    for entry in with_items(threads):
        writer.writerows(item_rows(entry))
        yield flush()


# --- erasing a visitor ---------------------------------------------------------------------


@dataclass
class VisitorData:
    """What one visitor left in one deployment, counted."""

    deployment: Deployment
    visitor: str
    threads: int = 0
    items: int = 0
    events: int = 0
    feedback: int = 0
    responses: int = 0
    attachments: int = 0
    connections: int = 0
    titles: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.threads or self.attachments or self.connections)

    def describe(self) -> str:
        return (
            f"{self.threads} conversation(s), {self.items} item(s), {self.events} event(s), "
            f"{self.feedback} feedback mark(s), {self.responses} response record(s), "
            f"{self.attachments} file(s) and {self.connections} live connection(s)"
        )


def _visitor_rows(deployment: Deployment, visitor: str) -> dict[str, QuerySet]:
    threads = Thread.objects.filter(deployment=deployment, visitor=visitor)
    return {
        "threads": threads,
        "items": ThreadItem.objects.filter(thread__in=threads),
        "events": ThreadEvent.objects.filter(thread__in=threads),
        "feedback": Feedback.objects.filter(thread__in=threads),
        "responses": Response.objects.filter(deployment=deployment, thread__in=threads),
        "attachments": Attachment.objects.filter(deployment=deployment, visitor=visitor),
        "connections": LiveConnection.objects.filter(deployment=deployment, visitor=visitor),
    }


def visitor_data(deployment: Deployment, visitor: str, titles: int = 20) -> VisitorData:
    rows = _visitor_rows(deployment, visitor)
    found = VisitorData(deployment, visitor, **{name: qs.count() for name, qs in rows.items()})
    found.titles = [
        thread.title or thread.pk for thread in rows["threads"].order_by("-created_at")[:titles]
    ]
    return found


def erase_visitor(deployment: Deployment, visitor: str) -> VisitorData:
    """Delete everything `visitor` left in `deployment`, in one transaction, and close the
    visitor's open chat connections so no page keeps showing what was erased."""
    with transaction.atomic():
        erased = visitor_data(deployment, visitor, titles=0)
        rows = _visitor_rows(deployment, visitor)
        channels = list(rows["connections"].values_list("channel_name", flat=True))
        # Responses outlive their thread (SET_NULL) and feedback references items, so both
        # go explicitly, before the threads take their items and events with them.
        # Attachments one by one: each deletion also removes the stored file.
        for attachment in rows["attachments"]:
            attachment.delete()
        for name in ("responses", "feedback", "events", "items", "connections", "threads"):
            rows[name].delete()
    _close(deployment, channels)
    return erased


def _close(deployment: Deployment, channels: list[str]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    for channel in channels:
        async_to_sync(layer.send)(
            channel,
            {
                "type": "session.revoked",
                "deployment_id": deployment.pk,
                "message": "This conversation history was erased.",
            },
        )
