"""Exports: one conversation or a filtered selection, as ChatKit JSON (items exactly as
stored) or CSV (one row per item); bad requests get clear answers and export nothing."""

import csv
import io
import json

import pytest
from django.contrib.admin.utils import quote

from chatkit import exports
from chatkit.models import ThreadItem


@pytest.fixture
def conversation(deployment, make_conversation, give_feedback):
    conversation = make_conversation(
        deployment,
        visitor="anon:alice",
        turns=[
            ('=HYPERLINK("http://evil.example")', [("assistant", "Sure, «here» it is")], {}),
            ("Show it", [("widget", "Order 1042")], {}),
        ],
    )
    give_feedback(conversation.item("assistant_message"), "negative", "-wrong")
    return conversation


def body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def test_it_exports_one_conversation_as_chatkit_json(staff, conversation):
    thread = conversation.thread
    response = staff.get(f"/admin/chatkit/thread/{quote(thread.pk)}/export.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert f"conversation-{thread.pk}.json" in response["Content-Disposition"]
    data = json.loads(body(response))
    assert data["id"] == thread.pk
    assert data["title"] == thread.title
    assert data["status"] == {"type": "active"}
    assert data["metadata"]["visitor"] == "anon:alice"
    assert data["metadata"]["deployment"] == thread.deployment.public_key
    stored = [item.data for item in ThreadItem.objects.filter(thread=thread)]
    assert data["items"] == {"data": stored, "has_more": False}


def test_it_exports_one_conversation_as_csv_with_one_row_per_item(staff, conversation):
    thread = conversation.thread
    response = staff.get(f"/admin/chatkit/thread/{quote(thread.pk)}/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(body(response))))
    assert list(rows[0]) == exports.CSV_COLUMNS
    assert [row["item"] for row in rows] == [item.pk for item in conversation.items]
    assert {row["thread"] for row in rows} == {thread.pk}
    assert {row["visitor"] for row in rows} == {"anon:alice"}
    assert [row["type"] for row in rows] == [
        "user_message",
        "assistant_message",
        "user_message",
        "widget",
    ]
    # Spreadsheets would run these as formulas; visitors wrote them.
    assert rows[0]["text"] == '\'=HYPERLINK("http://evil.example")'
    assert rows[1]["text"] == "Sure, «here» it is"
    assert (rows[1]["feedback"], rows[1]["comment"]) == ("negative", "'-wrong")
    assert rows[3]["text"] == "Order 1042"
    assert rows[0]["created_at"] == conversation.items[0].created_at.isoformat()


def test_it_exports_everything_the_filters_select_across_pages(
    staff, deployment, make_deployment, make_conversation, conversation
):
    for n in range(3):
        make_conversation(deployment, visitor=f"anon:x{n}", turns=[(f"Question {n}", [], {})])
    elsewhere = make_conversation(make_deployment(name="Elsewhere"), visitor="anon:alice")
    query = f"?deployment__id__exact={deployment.pk}"
    response = staff.get("/admin/chatkit/thread/export.json" + query + "&p=2")
    assert response.streaming
    page = json.loads(body(response))
    assert page["has_more"] is False
    ids = {thread["id"] for thread in page["data"]}
    assert len(ids) == 4 and conversation.thread.pk in ids and elsewhere.thread.pk not in ids
    searched = staff.get("/admin/chatkit/thread/export.csv?q=Question+1")
    rows = list(csv.DictReader(io.StringIO(body(searched))))
    assert [row["text"] for row in rows] == ["Question 1"]


def test_it_exports_the_selected_conversations(staff, conversation, deployment, make_conversation):
    other = make_conversation(deployment, visitor="anon:bob")
    response = staff.post(
        "/admin/chatkit/thread/",
        {"action": "export_selected_csv", "_selected_action": [conversation.thread.pk]},
    )
    rows = list(csv.DictReader(io.StringIO(body(response))))
    assert {row["thread"] for row in rows} == {conversation.thread.pk}
    assert other.thread.pk not in body(
        staff.post(
            "/admin/chatkit/thread/",
            {"action": "export_selected_json", "_selected_action": [conversation.thread.pk]},
        )
    )


def test_it_refuses_exports_too_large_to_be_a_transcript(
    staff, conversation, deployment, make_conversation, monkeypatch
):
    other = make_conversation(deployment, visitor="anon:bob")
    monkeypatch.setattr(exports, "MAX_EXPORT_THREADS", 1)
    response = staff.get("/admin/chatkit/thread/export.json?visitor_kind=anonymous", follow=True)
    assert response.redirect_chain[-1][0] == "/admin/chatkit/thread/?visitor_kind=anonymous"
    assert "This selection has 2 conversations; an export holds at most 1" in (
        response.content.decode()
    )
    selected = [conversation.thread.pk, other.thread.pk]
    action = staff.post(
        "/admin/chatkit/thread/",
        {"action": "export_selected_json", "_selected_action": selected},
        follow=True,
    )
    assert action.status_code == 200
    assert "This selection has 2 conversations" in action.content.decode()


def test_it_answers_bad_export_requests_clearly(staff, conversation):
    thread = conversation.thread
    assert staff.get(f"/admin/chatkit/thread/{quote(thread.pk)}/export.xml").status_code == 404
    assert staff.get("/admin/chatkit/thread/thr_nope/export.json").status_code == 404
    assert staff.get("/admin/chatkit/thread/export.pdf").status_code == 404
    response = staff.get("/admin/chatkit/thread/export.json?errors=sometimes", follow=True)
    assert response.redirect_chain[-1][0] == "/admin/chatkit/thread/"
    assert "Nothing was exported: those filters are not valid." in response.content.decode()
