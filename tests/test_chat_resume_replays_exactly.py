import pytest
from channels.db import database_sync_to_async

from chatkit.models import ThreadEvent
from tests.conftest import events, message

pytestmark = pytest.mark.django_db(transaction=True)


def apply(items: dict, event: dict) -> None:
    if event["type"] in ("thread.item.added", "thread.item.done", "thread.item.replaced"):
        items[event["item"]["id"]] = event["item"]
    elif event["type"] == "thread.item.updated":
        items[event["item_id"]]["content"][0]["text"] += event["update"]["delta"]
    elif event["type"] == "thread.item.removed":
        items.pop(event["item_id"], None)


async def test_it_replays_exactly_the_missing_events_after_a_disconnect(chat, deployment):
    client = await chat()
    await client.auth(deployment)
    await client.send("threads.create", message("/slow"))
    seen = []
    while len([f for f in seen if f["event"]["type"] == "thread.item.updated"]) < 8:
        seen.append(await client.recv())
    thread_id = seen[0]["thread_id"]
    await client.close()

    again = await chat()
    await again.auth(deployment)
    last_seq = seen[-1]["seq"]
    rid = await again.send("threads.resume", {"thread_id": thread_id, "after_seq": last_seq})
    replay = await again.until_done(rid)
    assert replay[-1] == {"id": rid, "thread_id": thread_id, "done": True}
    replayed = [f for f in replay if "seq" in f]
    assert [f["seq"] for f in replayed] == list(range(last_seq + 1, last_seq + 1 + len(replayed)))
    assert all(f["id"] == rid for f in replayed)

    stored = await database_sync_to_async(
        lambda: list(
            ThreadEvent.objects.filter(thread_id=thread_id)
            .order_by("seq")
            .values_list("seq", "event")
        )
    )()
    assert [(f["seq"], f["event"]) for f in seen + replayed] == stored

    items: dict = {}
    for event in events(seen + replayed):
        apply(items, event)
    snapshot = (await again.request("threads.get_by_id", {"thread_id": thread_id}))["result"]
    assert list(items.values()) == snapshot["items"]["data"]
    assert snapshot["last_seq"] == stored[-1][0]


async def test_it_follows_a_response_live_from_another_connection(chat, deployment):
    owner = await chat()
    await owner.auth(deployment)
    owner_rid = await owner.send("threads.create", message("/slow"))
    first = [await owner.recv() for _ in range(6)]
    thread_id = first[0]["thread_id"]

    watcher = await chat()
    await watcher.auth(deployment)
    rid = await watcher.send("threads.resume", {"thread_id": thread_id, "after_seq": 2})
    watched = []
    while len([f for f in watched if f.get("event", {}).get("type") == "thread.item.updated"]) < 20:
        watched.append(await watcher.recv())
    await owner.send("threads.cancel", {"thread_id": thread_id})
    owned = first + await owner.until_done(owner_rid)
    watched += await watcher.until_done(rid)

    owned_seqs = [(f["seq"], f["event"]) for f in owned if "seq" in f and f["seq"] > 2]
    watched_seqs = [(f["seq"], f["event"]) for f in watched if "seq" in f]
    assert watched_seqs == owned_seqs
    assert watched[-1]["done"] is True


async def test_it_finishes_a_resume_of_an_idle_thread_at_once(chat, deployment):
    client = await chat()
    await client.auth(deployment)
    rid = await client.send("threads.create", message("hello"))
    frames = await client.until_done(rid)
    thread_id = frames[0]["thread_id"]
    last = frames[-2]["seq"]
    rid = await client.send("threads.resume", {"thread_id": thread_id, "after_seq": last})
    assert await client.recv() == {"id": rid, "thread_id": thread_id, "done": True}
    frame = await client.request("threads.resume", {"thread_id": thread_id, "after_seq": last + 5})
    assert frame["error"]["code"] == "invalid_request"
