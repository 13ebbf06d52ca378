import pytest
from channels.db import database_sync_to_async

from chatkit.models import ThreadEvent
from tests.conftest import message

pytestmark = pytest.mark.django_db(transaction=True)


async def test_it_sends_each_changed_item_once_when_old_events_are_gone(chat, deployment):
    client = await chat()
    await client.auth(deployment)
    rid = await client.send("threads.create", message("first"))
    first = await client.until_done(rid)
    thread_id = first[0]["thread_id"]
    rid = await client.send(
        "threads.add_user_message", {"thread_id": thread_id, **message("second")}
    )
    second = await client.until_done(rid)
    boundary = second[0]["seq"]
    # As if retention had pruned everything the first answer produced.
    await database_sync_to_async(
        lambda: ThreadEvent.objects.filter(thread_id=thread_id, seq__lt=boundary).delete()
    )()

    rid = await client.send("threads.resume", {"thread_id": thread_id, "after_seq": 0})
    replay = [f for f in await client.until_done(rid) if "seq" in f]
    compacted = [f for f in replay if f["seq"] < boundary]
    assert [f["event"]["type"] for f in compacted] == ["thread.item.done", "thread.item.done"]
    assert [f["event"]["item"]["type"] for f in compacted] == ["user_message", "assistant_message"]
    exact = [(f["seq"], f["event"]) for f in replay if f["seq"] >= boundary]
    assert exact == [(f["seq"], f["event"]) for f in second if "seq" in f]
    seqs = [f["seq"] for f in replay]
    assert seqs == sorted(set(seqs))
