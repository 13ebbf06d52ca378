"""`streaming: false` widget actions run while an answer streams in the same thread."""

import pytest

from tests.conftest import events, message

pytestmark = pytest.mark.django_db(transaction=True)


async def reply_to(client, request_id):
    """The result or error frame of a request, skipping the stream frames in between."""
    while True:
        frame = await client.recv()
        if frame.get("id") == request_id and ("result" in frame or "error" in frame):
            return frame


async def test_it_updates_a_widget_while_a_response_streams(chat, deployment):
    client = await chat()
    await client.auth(deployment)
    frames = await client.until_done(await client.send("threads.create", message("/widget survey")))
    thread_id = frames[0]["thread_id"]
    survey = next(
        e["item"]
        for e in events(frames)
        if e["type"] == "thread.item.done" and e["item"]["type"] == "widget"
    )
    slow = await client.send(
        "threads.add_user_message", {"thread_id": thread_id, **message("/slow")}
    )
    while True:
        frame = await client.recv()
        if frame.get("event", {}).get("type") == "thread.item.updated":
            break
    action = {
        "type": "survey.select",
        "payload": {"survey_id": "delivery-2025-03", "rating": "great"},
        "streaming": False,
    }
    sync = await client.send(
        "threads.sync_custom_action",
        {"thread_id": thread_id, "item_id": survey["id"], "action": action},
    )
    result = await reply_to(client, sync)
    assert "result" in result, result
    updated = result["result"]["updated_item"]
    assert updated["id"] == survey["id"]
    assert updated["widget"] != survey["widget"]
    # A streaming action in the same thread still waits for the answer to finish.
    streaming_action = await client.send(
        "threads.custom_action",
        {"thread_id": thread_id, "item_id": survey["id"], "action": {"type": "survey.submit"}},
    )
    refused = await reply_to(client, streaming_action)
    assert refused["error"]["code"] == "busy"
    await client.send("threads.cancel", {"thread_id": thread_id})
    await client.until_done(slow)
    stored = (await client.request("items.list", {"thread_id": thread_id, "order": "asc"}))[
        "result"
    ]["data"]
    assert next(i for i in stored if i["id"] == survey["id"])["widget"] == updated["widget"]
