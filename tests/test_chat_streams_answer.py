import pytest

from tests.conftest import events, message, text_of_answer

pytestmark = pytest.mark.django_db(transaction=True)


async def test_it_streams_the_answer_in_chatkit_order(chat, deployment):
    client = await chat()
    await client.auth(deployment)
    rid = await client.send("threads.create", message("Hello there"))
    frames = await client.until_done(rid)
    types = [e["type"] for e in events(frames)]
    assert types[:4] == ["thread.created", "thread.item.done", "stream_options", "progress_update"]
    assert types[4] == "thread.item.added"
    assert set(types[5:-1]) == {"thread.item.updated"}
    assert types[-1] == "thread.item.done"
    deltas = [e for e in events(frames) if e["type"] == "thread.item.updated"]
    assert len(deltas) >= 40
    assert all(d["update"]["type"] == "assistant_message.content_part.text_delta" for d in deltas)
    assert "> Hello there" in text_of_answer(frames)
    assert "".join(d["update"]["delta"] for d in deltas) == text_of_answer(frames)


async def test_it_numbers_events_without_gaps(chat, deployment):
    client = await chat()
    await client.auth(deployment)
    rid = await client.send("threads.create", message("one"))
    first = await client.until_done(rid)
    thread_id = first[0]["thread_id"]
    rid = await client.send("threads.add_user_message", {"thread_id": thread_id, **message("two")})
    second = await client.until_done(rid)
    seqs = [f["seq"] for f in first + second if "seq" in f]
    assert seqs == list(range(1, len(seqs) + 1))
    assert first[-1] == {"id": first[-1]["id"], "thread_id": thread_id, "done": True}
