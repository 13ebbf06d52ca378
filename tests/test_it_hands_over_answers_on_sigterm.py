"""The embedded executor on SIGTERM: sockets close at once with 1012, answers that finish
within CHATKIT_SHUTDOWN_GRACE are stored whole, the rest keep what they said and end with a
retryable error, and a restarted server resumes every thread without gaps."""

import signal
import time

import pytest
import websockets
from channels.db import database_sync_to_async
from django.conf import settings

from chatkit.agents.demo import answer_for, slow_answer
from chatkit.models import Response, Thread
from tests.conftest import free_port, server_env, session_token, start_daphne
from tests.live_chat import LiveChat, message, rebuild, streamed_text

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def restartable_server(transactional_db, tmp_path):
    port = free_port()
    database = settings.DATABASES["default"]["NAME"]
    env = server_env(port, DATABASE_URL=f"sqlite:///{database}", CHATKIT_SHUTDOWN_GRACE="2")
    processes = []

    def start():
        processes.append(start_daphne(port, env, tmp_path / f"daphne-{len(processes)}.log"))
        return processes[-1]

    yield port, start
    for process in processes:
        if process.poll() is None:
            process.kill()
            process.wait(10)


async def test_it_finishes_or_hands_over_every_answer(restartable_server, deployment):
    port, start = restartable_server
    server = start()
    slow_token = session_token(deployment, "anon:slow")
    short_token = session_token(deployment, "anon:short")
    slow = await LiveChat.connect(port, slow_token)
    await slow.send("threads.create", message("/slow"))
    slow_frames = [await slow.recv() for _ in range(12)]
    short = await LiveChat.connect(port, short_token)
    await short.send("threads.create", message("hello"))
    short_frames = [await short.recv()]

    server.send_signal(signal.SIGTERM)
    signalled = time.monotonic()
    for chat, frames in ((slow, slow_frames), (short, short_frames)):
        with pytest.raises(websockets.ConnectionClosed) as closed:
            while True:
                frames.append(await chat.recv(10))
        assert closed.value.rcvd.code == 1012
    assert time.monotonic() - signalled < 2, "the sockets waited for the answers"
    assert server.wait(30) == 0

    start()
    for token, frames in ((slow_token, slow_frames), (short_token, short_frames)):
        again = await LiveChat.connect(port, token)
        after_seq = max(frame["seq"] for frame in frames if "seq" in frame)
        rid = await again.send(
            "threads.resume", {"thread_id": frames[0]["thread_id"], "after_seq": after_seq}
        )
        frames += await again.until_done(rid)
        await again.close()

    assert streamed_text(short_frames) == answer_for("hello")
    items, seqs = rebuild(slow_frames)
    assert seqs == list(range(1, len(seqs) + 1))
    (answer,) = [item for item in items.values() if item["type"] == "assistant_message"]
    assert slow_answer().startswith(answer["content"][0]["text"])
    assert answer["content"][0]["text"] != slow_answer()
    error = slow_frames[-2]["event"]
    assert error["type"] == "error" and error["allow_retry"] is True

    def outcomes():
        return {
            response.thread.visitor: (response.outcome, response.error_code)
            for response in Response.objects.select_related("thread")
        }, Thread.objects.exclude(running_response="").count()

    assert await database_sync_to_async(outcomes)() == (
        {"anon:slow": ("error", "interrupted"), "anon:short": ("completed", "")},
        0,
    )
