import pytest
from channels.db import database_sync_to_async

from chatkit.agents.demo import slow_answer
from chatkit.models import Response, Thread, ThreadItem
from tests.conftest import events, message

pytestmark = pytest.mark.django_db(transaction=True)


async def read_deltas(client, rid, count):
    frames = []
    deltas = 0
    while deltas < count:
        frame = await client.recv()
        frames.append(frame)
        if frame.get("event", {}).get("type") == "thread.item.updated":
            deltas += 1
    return frames


async def test_it_stops_mid_stream_and_keeps_the_partial_answer(chat, deployment):
    client = await chat()
    await client.auth(deployment)
    rid = await client.send("threads.create", message("/slow"))
    frames = await read_deltas(client, rid, 5)
    thread_id = frames[0]["thread_id"]
    cancel_id = await client.send("threads.cancel", {"thread_id": thread_id})
    rest = []
    while True:
        frame = await client.recv()
        rest.append(frame)
        if frame.get("done"):
            break
    assert {"id": cancel_id, "result": {}} in rest
    streamed = [
        e["update"]["delta"] for e in events(frames + rest) if e["type"] == "thread.item.updated"
    ]
    final = [e for e in events(rest) if e["type"] == "thread.item.done"][-1]["item"]
    assert final["content"][0]["text"] == "".join(streamed)
    assert 5 <= len(streamed) < 100

    def stored():
        item = ThreadItem.objects.get(pk=final["id"])
        thread = Thread.objects.get(pk=thread_id)
        response = Response.objects.get(thread_id=thread_id)
        return item, thread, response

    item, thread, response = await database_sync_to_async(stored)()
    assert item.is_done and item.data == final
    assert thread.running_response == ""
    assert response.outcome == "cancelled"
    assert response.output_tokens == len(streamed)


async def test_it_answers_a_cancel_when_nothing_runs(chat, deployment):
    client = await chat()
    await client.auth(deployment)
    rid = await client.send("threads.create", message("hi"))
    frames = await client.until_done(rid)
    frame = await client.request("threads.cancel", {"thread_id": frames[0]["thread_id"]})
    assert frame["result"] == {}


async def test_it_stops_a_response_running_on_another_connection(chat, deployment):
    owner = await chat()
    await owner.auth(deployment)
    rid = await owner.send("threads.create", message("/slow"))
    frames = await read_deltas(owner, rid, 3)
    other = await chat()
    await other.auth(deployment)
    assert (await other.request("threads.cancel", {"thread_id": frames[0]["thread_id"]}))[
        "result"
    ] == {}
    rest = await owner.until_done(rid)
    assert rest[-1]["done"] is True


async def test_it_is_busy_while_a_response_runs(chat, deployment):
    client = await chat()
    await client.auth(deployment)
    rid = await client.send("threads.create", message("/slow"))
    frames = await read_deltas(client, rid, 1)
    frame = await client.request(
        "threads.add_user_message", {"thread_id": frames[0]["thread_id"], **message("again")}
    )
    while "error" not in frame:
        frame = await client.recv()
    assert frame["error"]["code"] == "busy"
    await client.send("threads.cancel", {"thread_id": frames[0]["thread_id"]})
    await client.until_done(rid)


async def test_it_keeps_answering_when_the_visitor_disconnects(chat, deployment):
    client = await chat()
    await client.auth(deployment)
    rid = await client.send("threads.create", message("/slow"))
    frames = await read_deltas(client, rid, 3)
    thread_id = frames[0]["thread_id"]
    await client.close()

    again = await chat()
    await again.auth(deployment)
    rid = await again.send("threads.resume", {"thread_id": thread_id, "after_seq": 0})
    replay = await again.until_done(rid, timeout=30)
    final = [e for e in events(replay) if e["type"] == "thread.item.done"][-1]["item"]
    assert final["content"][0]["text"] == slow_answer()

    def outcome():
        return Response.objects.get(thread_id=thread_id).outcome

    assert await database_sync_to_async(outcome)() == "completed"
