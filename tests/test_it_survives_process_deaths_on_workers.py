"""CHATKIT_EXECUTOR=workers on PostgreSQL and Redis: two web processes move frames, two
Channels workers run the answers, and any of them may die or be told to stop."""

import asyncio
import signal
import time

import pytest
import pytest_asyncio
import websockets

from chatkit.agents.demo import slow_answer
from tests.cluster import demo_session, drop_database, needs_postgres_and_redis, start_cluster
from tests.live_chat import LiveChat, message, rebuild, streamed_text

# One event loop for the module: the idle socket opened first is checked last.
pytestmark = [*needs_postgres_and_redis, pytest.mark.asyncio(loop_scope="module")]

IDLE_SECONDS = 60


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    cluster, name = start_cluster(
        tmp_path_factory.mktemp("workers"),
        CHATKIT_EXECUTOR="workers",
        CHATKIT_SHUTDOWN_GRACE="3",
    )
    try:
        for _ in range(3):
            cluster.start_web()
        for _ in range(2):
            cluster.start_worker()
        yield cluster
    finally:
        cluster.stop()
        drop_database(name)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def idle_socket(cluster):
    """Opened before the other tests run; the last test checks it is still alive."""
    port = cluster.ports[-1]
    chat = await LiveChat.connect(port, demo_session(cluster.env, "anon:idle"))
    return chat, time.monotonic()


async def start_slow(port: int, token: str, deltas: int = 15) -> tuple[LiveChat, str, list[dict]]:
    chat = await LiveChat.connect(port, token)
    rid = await chat.send("threads.create", message("/slow"))
    frames = []
    while sum(f.get("event", {}).get("type") == "thread.item.updated" for f in frames) < deltas:
        frames.append(await chat.recv(30))
    return chat, rid, frames


def last_seq(frames: list[dict]) -> int:
    return max(frame["seq"] for frame in frames if "seq" in frame)


def rows(cluster, sql: str, *args):
    with cluster.database() as conn:
        return conn.execute(sql, args).fetchall()


def worker_running(cluster, thread_id: str):
    (runner,) = rows(
        cluster, "SELECT runner FROM chatkit_response WHERE thread_id = %s", thread_id
    )[0]
    pid = int(runner.rsplit(":", 1)[1])
    return next(worker for worker in cluster.workers if worker.pid == pid)


async def test_it_continues_an_answer_when_its_web_process_dies(cluster, idle_socket):
    first, second = cluster.ports[:2]
    token = demo_session(cluster.env, "anon:web-death")
    _, _, before = await start_slow(first, token)
    thread_id = before[0]["thread_id"]
    cluster.kill(cluster.webs.pop(first))

    again = await LiveChat.connect(second, token)
    rid = await again.send(
        "threads.resume", {"thread_id": thread_id, "after_seq": last_seq(before)}
    )
    after = await again.until_done(rid, timeout=60)
    await again.close()
    assert streamed_text(before + after) == slow_answer()
    assert rows(
        cluster, "SELECT outcome FROM chatkit_response WHERE thread_id = %s", thread_id
    ) == [("completed",)]
    cluster.start_web(first)


async def test_it_hands_over_when_the_worker_running_an_answer_dies(cluster, idle_socket):
    port = cluster.ports[0]
    token = demo_session(cluster.env, "anon:worker-death")
    chat, _, before = await start_slow(port, token)
    thread_id = before[0]["thread_id"]
    worker = worker_running(cluster, thread_id)
    cluster.kill(worker)
    cluster.workers.remove(worker)
    killed_at = time.monotonic()

    rest = []
    while not rest or not rest[-1].get("done"):
        rest.append(await chat.recv(15))
    noticed_after = time.monotonic() - killed_at
    errors = [f["event"] for f in rest if f.get("event", {}).get("type") == "error"]
    assert errors and errors[-1]["allow_retry"] is True, rest[-3:]
    assert noticed_after < 10, f"the death was noticed after {noticed_after:.1f} s"

    items, seqs = rebuild(before + rest)
    assert seqs == list(range(1, len(seqs) + 1))
    (answer,) = [item for item in items.values() if item["type"] == "assistant_message"]
    stored = rows(
        cluster,
        "SELECT data->'content'->0->>'text', is_done FROM chatkit_threaditem WHERE id = %s",
        answer["id"],
    )
    assert stored == [(answer["content"][0]["text"], True)]
    assert slow_answer().startswith(answer["content"][0]["text"])
    assert rows(
        cluster, "SELECT outcome, error_code FROM chatkit_response WHERE thread_id = %s", thread_id
    ) == [("error", "interrupted")]
    assert rows(
        cluster, "SELECT running_response FROM chatkit_thread WHERE id = %s", thread_id
    ) == [("",)]

    (user_message,) = [item for item in items.values() if item["type"] == "user_message"]
    rid = await chat.send(
        "threads.retry_after_item", {"thread_id": thread_id, "item_id": user_message["id"]}
    )
    retried = await chat.until_done(rid, timeout=60)
    assert streamed_text(retried) == slow_answer()
    assert rows(
        cluster,
        "SELECT count(*) FROM chatkit_threaditem WHERE thread_id = %s AND type = 'user_message'",
        thread_id,
    ) == [(1,)]
    assert rows(cluster, "SELECT count(*) FROM chatkit_response WHERE outcome = 'running'") == [
        (0,)
    ]
    await chat.close()
    cluster.start_worker()


async def test_it_sends_1012_on_sigterm_and_the_answer_goes_on(cluster, idle_socket):
    leaving, staying = cluster.ports[:2]
    token = demo_session(cluster.env, "anon:web-restart")
    chat, _, before = await start_slow(leaving, token)
    thread_id = before[0]["thread_id"]
    cluster.webs[leaving].send_signal(signal.SIGTERM)
    with pytest.raises(websockets.ConnectionClosed) as closed:
        while True:
            before.append(await chat.recv(10))
    assert closed.value.rcvd.code == 1012
    assert cluster.webs.pop(leaving).wait(30) == 0

    again = await LiveChat.connect(staying, token)
    rid = await again.send(
        "threads.resume", {"thread_id": thread_id, "after_seq": last_seq(before)}
    )
    after = await again.until_done(rid, timeout=60)
    await again.close()
    assert streamed_text(before + after) == slow_answer()
    cluster.start_web(leaving)


async def test_a_stopping_worker_finishes_short_answers_and_hands_over_long_ones(
    cluster, idle_socket
):
    port = cluster.ports[0]
    long_token = demo_session(cluster.env, "anon:long")
    long_chat, long_rid, long_before = await start_slow(port, long_token, deltas=3)
    long_thread = long_before[0]["thread_id"]
    worker = worker_running(cluster, long_thread)
    short = await LiveChat.connect(port, demo_session(cluster.env, "anon:short"))
    short_rid = await short.send("threads.create", message("hello"))
    short_first = await short.recv(30)

    worker.send_signal(signal.SIGTERM)
    short_frames = [short_first, *await short.until_done(short_rid, timeout=30)]
    assert "Here is what I heard" in streamed_text(short_frames)
    assert not any(f.get("event", {}).get("type") == "error" for f in short_frames)

    long_rest = await long_chat.until_done(long_rid, timeout=30)
    errors = [f["event"] for f in long_rest if f.get("event", {}).get("type") == "error"]
    assert errors and errors[-1]["allow_retry"] is True
    assert worker.wait(30) == -signal.SIGTERM
    cluster.workers.remove(worker)
    assert rows(
        cluster,
        "SELECT outcome, error_code FROM chatkit_response WHERE thread_id = %s",
        long_thread,
    ) == [("error", "interrupted")]
    await short.close()
    await long_chat.close()
    cluster.start_worker()


async def test_an_idle_socket_on_redis_stays_open(cluster, idle_socket):
    chat, opened_at = idle_socket
    await asyncio.sleep(max(0.0, IDLE_SECONDS - (time.monotonic() - opened_at)))
    frame = await chat.request("ping", timeout=10)
    assert frame["result"] == {}
    await chat.close()
