"""The transcript: the conversation as the chat showed it, with feedback and the timing of
each answer; never editable."""

from datetime import timedelta

import pytest
from django.contrib.admin.utils import quote

from chatkit.admin.transcripts import transcript
from chatkit.models import Response, Thread, ThreadItem


def url(thread, action="change"):
    return f"/admin/chatkit/thread/{quote(thread.pk)}/{action}/"


@pytest.fixture
def conversation(deployment, make_conversation, give_feedback):
    conversation = make_conversation(
        deployment,
        visitor="user:7",
        visitor_name="Ada",
        visitor_email="ada@example.com",
        turns=[
            ("Where is **my** order?", [("widget", "Order 1042: shipped")], {}),
            (
                "And <script>alert(1)</script> the invoice?",
                [("assistant", "# Invoice\nIt is in your *account*.")],
                {"first_token_ms": 1250, "duration_ms": 4100, "output_tokens": 88},
            ),
            ("Hello?", [], {"outcome": Response.Outcome.ERROR, "error_code": "agent_error"}),
        ],
    )
    give_feedback(conversation.item("assistant_message"), "negative", "It is not in my account")
    return conversation


def test_it_shows_messages_widgets_feedback_and_timing(staff, conversation):
    response = staff.get(url(conversation.thread))
    assert response.status_code == 200
    html = response.content.decode()
    for item in conversation.items:
        assert f'data-item-id="{item.pk}"' in html
        assert f'id="item-{item.pk}"' in html
    assert 'data-item-type="widget"' in html
    assert "Where is **my** order?" in html  # Markdown source, drawn by the page script
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
    assert "It is not in my account" in html and 'data-feedback="negative"' in html
    assert "first token after 1.2 s" in html and "4.1 s in all" in html and "88 tokens" in html
    assert "error: agent_error" in html
    assert "Ada" in html and "ada@example.com" in html and "verified" in html
    widgets = response.context["widgets"]
    assert widgets == {conversation.item("widget").pk: conversation.item("widget").data["widget"]}


def test_it_groups_items_under_the_response_that_produced_them(conversation):
    turns = transcript(conversation.thread)
    assert [turn.response for turn in turns] == conversation.responses
    assert [[entry.item.type for entry in turn.entries] for turn in turns] == [
        ["user_message", "widget"],
        ["user_message", "assistant_message"],
        ["user_message"],
    ]
    assert turns[1].entries[1].feedback.comment == "It is not in my account"


def test_it_keeps_a_response_whose_items_were_replaced(conversation):
    first = conversation.responses[0]
    ThreadItem.objects.filter(thread=conversation.thread, type="widget").delete()
    retry = Response.objects.create(
        id="resp_retry",
        deployment=conversation.thread.deployment,
        thread=conversation.thread,
        kind=Response.Kind.RETRY,
        started_at=conversation.responses[-1].started_at + timedelta(minutes=5),
    )
    turns = transcript(conversation.thread)
    assert [turn.response for turn in turns] == [*conversation.responses, retry]
    assert [entry.item.type for entry in turns[0].entries] == ["user_message"]
    assert turns[0].response == first and turns[-1].entries == []


def test_it_never_edits_adds_or_deletes_conversations(staff, conversation):
    thread = conversation.thread
    html = staff.get(url(thread)).content.decode()
    assert "<textarea" not in html and 'name="title"' not in html and "_save" not in html
    assert staff.post(url(thread), {"title": "Renamed"}).status_code == 200
    assert staff.get("/admin/chatkit/thread/add/").status_code == 403
    assert staff.post(url(thread, "delete"), {"post": "yes"}).status_code == 403
    thread.refresh_from_db()
    assert thread.title == "Where is **my** order?"
    assert Thread.objects.filter(pk=thread.pk).exists()
    listed = staff.get("/admin/chatkit/thread/")
    assert "delete_selected" not in listed.content.decode()


def test_it_says_so_when_a_conversation_does_not_exist(staff, deployment):
    response = staff.get("/admin/chatkit/thread/thr_missing/change/", follow=True)
    assert response.redirect_chain[-1][0] == "/admin/"
    assert "thr_missing" in response.content.decode()
