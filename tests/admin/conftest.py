"""Conversations as the chat stores them (exact ChatKit item JSON, events, responses and
feedback), and admin users with and without rights."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from chatkit.models import Feedback, Response, Thread, ThreadEvent, ThreadItem

PASSWORD = "pw-admin-tests-123"
WIDGET = {
    "type": "Card",
    "children": [
        {"type": "Title", "value": "Order 1042"},
        {"type": "Text", "value": "Shipped on Tuesday"},
        {"type": "Button", "label": "Track it", "onClickAction": {"type": "order.track"}},
    ],
}
_ids = itertools.count(1)


@dataclass
class Conversation:
    thread: Thread
    items: list[ThreadItem] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)

    def item(self, item_type: str, n: int = 0) -> ThreadItem:
        return [item for item in self.items if item.type == item_type][n]


def item_json(thread: Thread, item_id: str, kind: str, text: str, at: datetime) -> dict:
    base = {"id": item_id, "thread_id": thread.pk, "created_at": at.isoformat()}
    if kind == "user":
        return base | {
            "type": "user_message",
            "content": [{"type": "input_text", "text": text}],
            "attachments": [],
            "inference_options": {},
        }
    if kind == "assistant":
        return base | {
            "type": "assistant_message",
            "content": [{"type": "output_text", "text": text, "annotations": []}],
        }
    return base | {"type": "widget", "widget": WIDGET, "copy_text": text}


@pytest.fixture
def make_conversation(db):
    """A thread with turns `[(user text, [(kind, text), ...], response fields), ...]`.

    Each turn is one response: its row starts first, then the visitor's message and the
    answers are stored, as the chat does it.
    """

    def make(
        deployment,
        visitor: str = "anon:alice",
        title: str = "",
        turns=(("Hello", [("assistant", "Hi! How can I help?")], {}),),
        started: datetime | None = None,
        **thread_fields,
    ) -> Conversation:
        at = started or timezone.now() - timedelta(minutes=30)
        thread = Thread.objects.create(
            deployment=deployment,
            visitor=visitor,
            title=title or turns[0][0][:60],
            created_at=at,
            updated_at=at,
            **thread_fields,
        )
        conversation = Conversation(thread)
        seq = 0
        for user_text, answers, response_fields in turns:
            n = next(_ids)
            response = Response.objects.create(
                id=f"resp_{n}",
                deployment=deployment,
                thread=thread,
                started_at=at,
                **{
                    "first_token_ms": 420,
                    "duration_ms": 2300,
                    "output_tokens": 57,
                    "outcome": Response.Outcome.COMPLETED,
                    **response_fields,
                },
            )
            conversation.responses.append(response)
            for m, (kind, text) in enumerate([("user", user_text), *answers]):
                at += timedelta(seconds=1)
                seq += 1
                item_id = f"msg_{n}_{m}"
                data = item_json(thread, item_id, kind, text, at)
                conversation.items.append(
                    ThreadItem.objects.create(
                        id=item_id,
                        thread=thread,
                        type=data["type"],
                        data=data,
                        created_at=at,
                        position=seq,
                        updated_seq=seq,
                    )
                )
                ThreadEvent.objects.create(
                    thread=thread, seq=seq, event={"type": "thread.item.done", "item": data}
                )
            at += timedelta(seconds=2)
        Thread.objects.filter(pk=thread.pk).update(last_seq=seq, updated_at=at)
        thread.refresh_from_db()
        return conversation

    return make


@pytest.fixture
def give_feedback(db):
    def give(item: ThreadItem, kind: str = "negative", comment: str = "") -> Feedback:
        return Feedback.objects.create(thread=item.thread, item=item, kind=kind, comment=comment)

    return give


@pytest.fixture
def staff_user(db):
    return get_user_model().objects.create_user(
        "operator", password=PASSWORD, is_staff=True, is_superuser=True
    )


@pytest.fixture
def staff(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture
def viewer(client, db):
    """Staff who may read conversations and deployments but not erase anything."""
    user = get_user_model().objects.create_user("viewer", password=PASSWORD, is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="chatkit",
            codename__in=["view_thread", "view_feedback", "view_deployment"],
        )
    )
    client.force_login(user)
    return client
