"""An answer outlives the websocket that asked for it: 100 visitors each drop their connection
(a clean close or a TCP abort, 0.3 to 6 s into `/slow`), reconnect and resume by seq; every
answer finishes, and every visitor ends with exactly the uninterrupted answer."""

import asyncio
import random
import time

import pytest
from channels.db import database_sync_to_async

from chatkit.agents.demo import slow_answer
from chatkit.models import Response, ThreadItem
from tests.conftest import session_token
from tests.live_chat import LiveChat, message, rebuild, streamed_text

pytestmark = pytest.mark.django_db(transaction=True)

CONVERSATIONS = 100
WAVE = 50


@pytest.fixture
def roomy_deployment(make_deployment):
    return make_deployment(
        rate_limits={
            "messages_per_minute": 10_000,
            "deployment_messages_per_minute": 1_000_000,
            "sessions_per_minute": 10_000,
        }
    )


async def converse(port: int, token: str, drop_after: float, abort: bool) -> dict:
    chat = await LiveChat.connect(port, token)
    started = time.monotonic()
    await chat.send("threads.create", message("/slow"))
    before = [await chat.recv(60)]
    before += await chat.frames_for(drop_after - (time.monotonic() - started))
    assert before and not any(frame.get("done") for frame in before), "answered too soon"
    thread_id = before[0]["thread_id"]
    if abort:
        chat.abort()
    else:
        await chat.close()

    again = await LiveChat.connect(port, token)
    last_seq = max(frame["seq"] for frame in before if "seq" in frame)
    rid = await again.send("threads.resume", {"thread_id": thread_id, "after_seq": last_seq})
    after = await again.until_done(rid, timeout=90)
    await again.close()
    return {"thread_id": thread_id, "frames": before + after}


async def test_it_finishes_every_answer_whatever_the_connection_does(live_server, roomy_deployment):
    rng = random.Random(8)
    plans = [(rng.uniform(0.3, 6.0), rng.random() < 0.5) for _ in range(CONVERSATIONS)]
    results = []
    for start in range(0, CONVERSATIONS, WAVE):
        wave = plans[start : start + WAVE]
        results += await asyncio.gather(
            *(
                converse(
                    live_server.port,
                    session_token(roomy_deployment, f"anon:v{start + i}"),
                    drop_after,
                    abort,
                )
                for i, (drop_after, abort) in enumerate(wave)
            )
        )

    expected = slow_answer()
    finished = sum(streamed_text(result["frames"]) == expected for result in results)
    assert finished == CONVERSATIONS, f"{finished}/{CONVERSATIONS} answers finished"
    for result in results:
        frames = result["frames"]
        items, seqs = rebuild(frames)
        assert seqs == list(range(1, len(seqs) + 1)), "a gap or a repeat in seq"
        answers = [item for item in items.values() if item["type"] == "assistant_message"]
        assert len(answers) == 1
        assert answers[0]["content"][0]["text"] == expected
        assert streamed_text(frames) == expected

    def stored():
        ids = [result["thread_id"] for result in results]
        outcomes = list(
            Response.objects.filter(thread_id__in=ids).values_list("outcome", flat=True)
        )
        texts = [
            item.data["content"][0]["text"]
            for item in ThreadItem.objects.filter(thread_id__in=ids, type="assistant_message")
        ]
        return outcomes, texts

    outcomes, texts = await database_sync_to_async(stored)()
    assert outcomes == ["completed"] * CONVERSATIONS
    assert texts == [expected] * CONVERSATIONS
