"""The demo agent, driven through a real websocket: SPEC §9."""

import re

import pytest

from tests.conftest import events, message, text_of_answer

pytestmark = pytest.mark.django_db(transaction=True)


async def test_it_answers_with_markdown_that_quotes_the_visitor(chat, deployment):
    client = await chat()
    await client.auth(deployment)
    frames = await client.until_done(
        await client.send("threads.create", message("Where is my parcel?"))
    )
    text = text_of_answer(frames)
    assert text.startswith("## ")
    assert "> Where is my parcel?" in text
    assert re.search(r"^- ", text, re.M)
    assert "```python" in text
    deltas = [e for e in events(frames) if e["type"] == "thread.item.updated"]
    assert len(deltas) >= 40
    assert events(frames)[3]["type"] == "progress_update"


async def test_it_fails_on_purpose_with_a_retryable_error(chat, deployment):
    client = await chat()
    await client.auth(deployment)
    frames = await client.until_done(await client.send("threads.create", message("/error")))
    errors = [e for e in events(frames) if e["type"] == "error"]
    assert errors == [
        {
            "type": "error",
            "code": "custom",
            "message": "The demo agent failed on purpose (you typed /error). Try again.",
            "allow_retry": True,
        }
    ]


async def test_it_retries_after_a_user_message(chat, deployment):
    client = await chat()
    await client.auth(deployment)
    frames = await client.until_done(await client.send("threads.create", message("/error")))
    thread_id = frames[0]["thread_id"]
    user_item = events(frames)[1]["item"]
    rid = await client.send(
        "threads.retry_after_item", {"thread_id": thread_id, "item_id": user_item["id"]}
    )
    retried = await client.until_done(rid)
    assert events(retried)[0]["type"] == "stream_options"
    items = (await client.request("items.list", {"thread_id": thread_id, "order": "asc"}))[
        "result"
    ]["data"]
    assert [item["id"] for item in items] == [user_item["id"]]


async def test_it_removes_the_old_answer_when_retrying(chat, deployment):
    client = await chat()
    await client.auth(deployment)
    frames = await client.until_done(await client.send("threads.create", message("hello")))
    thread_id = frames[0]["thread_id"]
    user_item = events(frames)[1]["item"]
    old_answer = events(frames)[-1]["item"]
    retried = await client.until_done(
        await client.send(
            "threads.retry_after_item", {"thread_id": thread_id, "item_id": user_item["id"]}
        )
    )
    assert events(retried)[0] == {"type": "thread.item.removed", "item_id": old_answer["id"]}
    items = (await client.request("items.list", {"thread_id": thread_id, "order": "asc"}))[
        "result"
    ]["data"]
    assert [item["type"] for item in items] == ["user_message", "assistant_message"]
    assert items[1]["id"] != old_answer["id"]
    frame = await client.request(
        "threads.retry_after_item", {"thread_id": thread_id, "item_id": items[1]["id"]}
    )
    assert frame["error"]["code"] == "invalid_request"
