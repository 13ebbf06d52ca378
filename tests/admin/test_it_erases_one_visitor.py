"""Erasing a visitor: a confirmation page says what goes, then exactly that visitor's data
in that deployment is deleted, their connections closed, and the admin log says so."""

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.contrib.admin.models import LogEntry
from django.utils.http import urlencode

from chatkit.models import (
    Feedback,
    LiveConnection,
    Response,
    Thread,
    ThreadEvent,
    ThreadItem,
)

ERASE = "/admin/chatkit/thread/erase/"


@pytest.fixture
def visitors(deployment, make_deployment, make_conversation, give_feedback):
    other = make_deployment(name="Other")
    alice = [
        make_conversation(deployment, visitor="anon:alice", title="Alice 1"),
        make_conversation(
            deployment,
            visitor="anon:alice",
            title="Alice 2",
            turns=[("Again", [("assistant", "Yes")], {}), ("More", [("assistant", "Ok")], {})],
        ),
    ]
    give_feedback(alice[0].item("assistant_message"), "negative", "bad")
    bob = make_conversation(deployment, visitor="anon:bob", title="Bob")
    give_feedback(bob.item("assistant_message"), "positive")
    alice_elsewhere = make_conversation(other, visitor="anon:alice", title="Alice elsewhere")
    LiveConnection.objects.create(
        channel_name="ch-alice", deployment=deployment, visitor="anon:alice"
    )
    LiveConnection.objects.create(channel_name="ch-bob", deployment=deployment, visitor="anon:bob")
    LiveConnection.objects.create(channel_name="ch-alice-2", deployment=other, visitor="anon:alice")
    return {"alice": alice, "bob": bob, "alice_elsewhere": alice_elsewhere, "other": other}


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Thread, ThreadItem, ThreadEvent, Feedback, Response, LiveConnection)
    }


def test_it_shows_what_will_be_deleted_and_deletes_nothing_yet(staff, deployment, visitors):
    before = counts()
    response = staff.get(
        ERASE + "?" + urlencode({"deployment": deployment.pk, "visitor": "anon:alice"})
    )
    assert response.status_code == 200
    found = response.context["found"]
    assert (found.threads, found.items, found.events, found.feedback, found.responses) == (
        2,
        6,
        6,
        1,
        3,
    )
    assert found.connections == 1
    html = response.content.decode()
    assert "Alice 1" in html and "Alice 2" in html and "Bob" not in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert counts() == before


def test_it_erases_exactly_one_visitor_in_one_deployment(staff, deployment, visitors):
    before = counts()
    response = staff.post(
        ERASE, {"deployment": deployment.pk, "visitor": "anon:alice"}, follow=True
    )
    assert response.status_code == 200
    assert "Erased anon:alice from Test" in response.content.decode()
    assert not Thread.objects.filter(deployment=deployment, visitor="anon:alice").exists()
    assert not LiveConnection.objects.filter(deployment=deployment, visitor="anon:alice").exists()
    assert not Response.objects.filter(thread__isnull=True).exists()
    after = counts()
    assert {name: before[name] - after[name] for name in before} == {
        "Thread": 2,
        "ThreadItem": 6,
        "ThreadEvent": 6,
        "Feedback": 1,
        "Response": 3,
        "LiveConnection": 1,
    }
    # Everyone else keeps everything.
    bob, elsewhere = visitors["bob"], visitors["alice_elsewhere"]
    assert ThreadItem.objects.filter(thread=bob.thread).count() == 2
    assert Feedback.objects.filter(thread=bob.thread).count() == 1
    assert ThreadItem.objects.filter(thread=elsewhere.thread).count() == 2
    assert Response.objects.filter(thread=elsewhere.thread).count() == 1
    assert LiveConnection.objects.filter(
        visitor="anon:alice", deployment=visitors["other"]
    ).exists()
    entry = LogEntry.objects.get()
    assert entry.object_id == str(deployment.pk)
    assert "Erased the data of visitor anon:alice: 2 conversation(s), 6 item(s)" in (
        entry.get_change_message()
    )


def test_it_closes_the_erased_visitors_open_connections(staff, deployment, visitors):
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    LiveConnection.objects.filter(channel_name="ch-alice").update(channel_name=channel)
    staff.post(ERASE, {"deployment": deployment.pk, "visitor": "anon:alice"})
    message = async_to_sync(layer.receive)(channel)
    assert message["type"] == "session.revoked"
    assert message["deployment_id"] == deployment.pk


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"deployment": "1"},
        {"deployment": "one", "visitor": "anon:alice"},
        {"deployment": "1", "visitor": "alice"},
        {"deployment": "1", "visitor": "anon:"},
        {"deployment": "1", "visitor": "anon:" + "x" * 300},
    ],
)
def test_it_refuses_unclear_erase_requests_and_changes_nothing(staff, visitors, params):
    before = counts()
    assert staff.get(ERASE, params).status_code == 400
    response = staff.post(ERASE, params)
    assert response.status_code == 400
    assert "Say which visitor to erase" in response.content.decode()
    assert counts() == before
    assert not LogEntry.objects.exists()


def test_it_answers_404_for_a_deployment_that_does_not_exist(staff, visitors):
    before = counts()
    assert staff.post(ERASE, {"deployment": 9999, "visitor": "anon:alice"}).status_code == 404
    assert counts() == before


def test_it_says_when_there_is_nothing_to_erase(staff, deployment, visitors):
    response = staff.get(ERASE, {"deployment": deployment.pk, "visitor": "anon:nobody"})
    assert "Nothing is stored for visitor" in response.content.decode()
    assert "<form" not in response.content.decode().split('id="content-main"')[1]
