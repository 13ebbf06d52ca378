"""The HTTP backend against a real local server streaming ChatKit events, signed requests."""

import re

import pytest
from channels.db import database_sync_to_async

from tests.agent_servers import chatkit_events_server
from tests.conftest import events, message, text_of_answer

pytestmark = pytest.mark.django_db(transaction=True)


def answer_events(text: str) -> list[dict]:
    item = {
        "id": "msg_remote1",
        "thread_id": "thr_x",
        "created_at": "2026-01-01T00:00:00Z",
        "type": "assistant_message",
        "content": [{"type": "output_text", "text": "", "annotations": []}],
    }
    done = {**item, "content": [{"type": "output_text", "text": text, "annotations": []}]}
    return [
        {"type": "progress_update", "text": "Looking it up"},
        {"type": "thread.item.added", "item": item},
        *(
            {
                "type": "thread.item.updated",
                "item_id": "msg_remote1",
                "update": {
                    "type": "assistant_message.content_part.text_delta",
                    "content_index": 0,
                    "delta": word,
                },
            }
            for word in re.findall(r"\s*\S+", text)
        ),
        {"type": "thread.item.done", "item": done},
        {"type": "client_effect", "name": "highlight", "data": {"sku": "A1"}},
    ]


async def test_it_relays_the_remote_events_and_signs_requests(chat, make_deployment):
    deployment = await database_sync_to_async(make_deployment)(
        agent="http", agent_config={"url": "http://127.0.0.1:1/agent"}
    )
    with chatkit_events_server(deployment.secret_key, answer_events("Your order shipped")) as (
        url,
        recorder,
    ):
        deployment.agent_config = {"url": url, "headers": {"X-Tenant": "shop"}}
        await database_sync_to_async(deployment.save)()
        client = await chat()
        await client.auth(deployment, "user:42")
        frames = await client.until_done(
            await client.send("threads.create", message("Where is my order?"))
        )
        assert text_of_answer(frames) == "Your order shipped"
        assert {"type": "client_effect", "name": "highlight", "data": {"sku": "A1"}} in events(
            frames
        )
        request = recorder.requests[0]
        assert request["signed"] is True
        assert request["headers"]["X-Tenant"] == "shop"
        body = request["body"]
        assert body["deployment"] == deployment.public_key
        assert body["input"]["content"] == [{"type": "input_text", "text": "Where is my order?"}]
        assert body["visitor"]["verified"] is True
        assert [item["type"] for item in body["items"]] == ["user_message"]


async def test_it_refuses_events_it_does_not_understand(chat, make_deployment):
    deployment = await database_sync_to_async(make_deployment)(
        agent="http", agent_config={"url": "http://127.0.0.1:1/agent"}
    )
    with chatkit_events_server(deployment.secret_key, [{"type": "thread.item.exploded"}]) as (
        url,
        _,
    ):
        deployment.agent_config = {"url": url}
        await database_sync_to_async(deployment.save)()
        client = await chat()
        await client.auth(deployment)
        frames = await client.until_done(await client.send("threads.create", message("hi")))
        error = next(e for e in events(frames) if e["type"] == "error")
        assert "does not understand" in error["message"]


async def test_it_fails_clearly_when_the_signature_is_rejected(chat, make_deployment):
    deployment = await database_sync_to_async(make_deployment)(
        agent="http", agent_config={"url": "http://127.0.0.1:1/agent"}
    )
    with chatkit_events_server("sk_some_other_key", answer_events("x")) as (url, recorder):
        deployment.agent_config = {"url": url}
        await database_sync_to_async(deployment.save)()
        client = await chat()
        await client.auth(deployment)
        frames = await client.until_done(await client.send("threads.create", message("hi")))
        assert recorder.requests[0]["signed"] is False
        assert "HTTP 401" in next(e for e in events(frames) if e["type"] == "error")["message"]


async def test_it_answers_a_misconfigured_agent_with_a_clear_error(chat, make_deployment):
    deployment = await database_sync_to_async(make_deployment)(
        agent="http", agent_config={"url": "ftp://nope"}
    )
    client = await chat()
    await client.auth(deployment)
    frame = await client.request("threads.create", message("hi"))
    assert frame["error"] == {
        "code": "internal",
        "message": "The assistant of this chat is not configured correctly.",
    }
    threads = await client.request("threads.list")
    assert threads["result"]["data"] == []
