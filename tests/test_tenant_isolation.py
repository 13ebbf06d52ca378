"""One visitor never reaches another's thread: foreign and missing ids answer the same."""

import pytest
from channels.db import database_sync_to_async

from tests.conftest import message

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
async def alices_thread(chat, deployment):
    alice = await chat()
    await alice.auth(deployment, "anon:alice")
    rid = await alice.send("threads.create", message("my secret order number is 1234"))
    frames = await alice.until_done(rid)
    return frames[0]["thread_id"], next(
        f for f in frames if f.get("event", {}).get("type") == "thread.item.done"
    )["event"]["item"]["id"]


@pytest.mark.parametrize(
    ("type_", "params"),
    [
        ("threads.get_by_id", {}),
        ("items.list", {}),
        ("threads.add_user_message", message("hi")),
        ("threads.resume", {"after_seq": 0}),
        ("threads.cancel", {}),
        ("threads.update", {"title": "mine now"}),
        ("threads.delete", {}),
        ("threads.retry_after_item", {"item_id": "ITEM"}),
        ("items.feedback", {"item_ids": ["ITEM"], "kind": "negative"}),
        ("threads.custom_action", {"action": {"type": "x"}}),
    ],
)
async def test_it_hides_threads_of_other_visitors(
    chat, deployment, make_deployment, alices_thread, type_, params
):
    thread_id, item_id = alices_thread
    params = {
        k: ([item_id] if v == ["ITEM"] else item_id if v == "ITEM" else v)
        for k, v in params.items()
    }
    other_deployment = await database_sync_to_async(make_deployment)()
    for visitor, dep in (
        ("anon:mallory", deployment),
        ("user:alice", deployment),
        ("anon:alice", other_deployment),
    ):
        client = await chat()
        await client.auth(dep, visitor)
        foreign = await client.request(type_, {"thread_id": thread_id, **params})
        missing = await client.request(type_, {"thread_id": "thr_doesnotexist", **params})
        assert (
            foreign["error"]
            == missing["error"]
            == {"code": "not_found", "message": "No such thread."}
        )


async def test_it_lists_only_the_visitors_own_threads(chat, deployment, alices_thread):
    bob = await chat()
    await bob.auth(deployment, "anon:bob")
    assert (await bob.request("threads.list"))["result"] == {"data": [], "has_more": False}
    alice = await chat()
    await alice.auth(deployment, "anon:alice")
    listed = (await alice.request("threads.list"))["result"]["data"]
    assert [t["id"] for t in listed] == [alices_thread[0]]
