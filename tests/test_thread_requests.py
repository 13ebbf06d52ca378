"""The non-streaming requests: ChatKit's result shapes."""

import pytest
from channels.db import database_sync_to_async

from chatkit.models import Feedback
from tests.conftest import events, message

pytestmark = pytest.mark.django_db(transaction=True)


async def new_thread(client, text="hello"):
    frames = await client.until_done(await client.send("threads.create", message(text)))
    return frames[0]["thread_id"], events(frames)


async def test_it_gets_a_thread_with_its_items(chat, deployment):
    client = await chat()
    await client.auth(deployment)
    thread_id, evs = await new_thread(client, "Tell me about tents")
    thread = (await client.request("threads.get_by_id", {"thread_id": thread_id}))["result"]
    assert thread["id"] == thread_id
    assert thread["title"] == "Tell me about tents"
    assert thread["status"] == {"type": "active"}
    assert [i["type"] for i in thread["items"]["data"]] == ["user_message", "assistant_message"]
    assert thread["items"]["data"][1] == evs[-1]["item"]
    assert thread["running"] is False


async def test_it_pages_through_items_both_ways(chat, deployment):
    client = await chat()
    await client.auth(deployment)
    thread_id, _ = await new_thread(client, "one")
    for text in ("two", "three"):
        await client.until_done(
            await client.send("threads.add_user_message", {"thread_id": thread_id, **message(text)})
        )
    everything = (
        await client.request("items.list", {"thread_id": thread_id, "order": "asc", "limit": 100})
    )["result"]
    assert len(everything["data"]) == 6 and everything["has_more"] is False
    ids = [item["id"] for item in everything["data"]]
    page = (
        await client.request("items.list", {"thread_id": thread_id, "order": "asc", "limit": 4})
    )["result"]
    assert (
        [i["id"] for i in page["data"]] == ids[:4] and page["has_more"] and page["after"] == ids[3]
    )
    rest = (
        await client.request(
            "items.list", {"thread_id": thread_id, "order": "asc", "after": page["after"]}
        )
    )["result"]
    assert [i["id"] for i in rest["data"]] == ids[4:]
    newest = (await client.request("items.list", {"thread_id": thread_id, "limit": 2}))["result"]
    assert [i["id"] for i in newest["data"]] == ids[::-1][:2]
    bad = await client.request("items.list", {"thread_id": thread_id, "after": "msg_nope"})
    assert bad["error"]["code"] == "invalid_request"


async def test_it_lists_threads_newest_first(chat, deployment):
    client = await chat()
    await client.auth(deployment)
    ids = [(await new_thread(client, f"thread {n}"))[0] for n in range(3)]
    page = (await client.request("threads.list", {"limit": 2}))["result"]
    assert [t["id"] for t in page["data"]] == ids[::-1][:2]
    assert page["data"][0]["items"] == {"data": [], "has_more": False}
    rest = (await client.request("threads.list", {"after": page["after"]}))["result"]
    assert [t["id"] for t in rest["data"]] == [ids[0]]


async def test_it_renames_and_deletes_a_thread(chat, deployment):
    client = await chat()
    await client.auth(deployment)
    thread_id, _ = await new_thread(client)
    renamed = (
        await client.request("threads.update", {"thread_id": thread_id, "title": "  Returns  "})
    )["result"]
    assert renamed["title"] == "Returns"
    assert (await client.request("threads.delete", {"thread_id": thread_id}))["result"] == {}
    assert (await client.request("threads.get_by_id", {"thread_id": thread_id}))["error"][
        "code"
    ] == "not_found"


async def test_it_stores_feedback_with_a_comment(chat, deployment):
    client = await chat()
    await client.auth(deployment)
    thread_id, evs = await new_thread(client)
    answer_id = evs[-1]["item"]["id"]
    params = {
        "thread_id": thread_id,
        "item_ids": [answer_id],
        "kind": "negative",
        "comment": "Too long",
    }
    assert (await client.request("items.feedback", params))["result"] == {}
    assert (
        await client.request("items.feedback", {**params, "kind": "positive", "comment": None})
    )["result"] == {}
    stored = await database_sync_to_async(
        lambda: list(Feedback.objects.values_list("item_id", "kind", "comment"))
    )()
    assert stored == [(answer_id, "positive", "")]
    unknown = await client.request("items.feedback", {**params, "item_ids": ["msg_nope"]})
    assert unknown["error"]["code"] == "not_found"


async def test_it_refuses_attachments_while_they_are_off(chat, deployment):
    client = await chat()
    await client.auth(deployment)
    frame = await client.request(
        "attachments.create", {"name": "a.png", "size": 10, "mime_type": "image/png"}
    )
    assert frame["error"]["code"] == "invalid_request"
    frame = await client.request(
        "threads.create",
        {"input": {"content": [{"type": "input_text", "text": "hi"}], "attachments": ["atc_1"]}},
    )
    assert frame["error"]["field"] == "params.input.attachments"
