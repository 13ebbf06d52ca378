"""A client that stops reading cannot make the server buffer without bound: the replay it
asked for waits while a MiB is unread, and after CHATKIT_STALLED_CLIENT_SECONDS the server
drops it with a `too_slow` error (it may reconnect and resume by seq)."""

import asyncio
import json
import socket
import time

import pytest
import websockets
from django.conf import settings

from chatkit import store
from chatkit.sessions import Session
from tests.conftest import free_port, server_env, session_token, start_daphne

pytestmark = pytest.mark.django_db(transaction=True)

STALL = 2
EVENTS = 6_000


@pytest.fixture
def impatient_server(transactional_db, tmp_path):
    port = free_port()
    database = settings.DATABASES["default"]["NAME"]
    env = server_env(
        port, DATABASE_URL=f"sqlite:///{database}", CHATKIT_STALLED_CLIENT_SECONDS=str(STALL)
    )
    process = start_daphne(port, env, tmp_path / "daphne.log")
    yield port
    process.terminate()
    process.wait(10)


def long_thread(deployment, visitor: str) -> str:
    """A thread whose replay is several MiB: a big answer's worth of events."""
    session = Session(deployment.pk, deployment.key_version, _visitor(visitor), time.time() + 60)
    thread = store.create_thread(session, "long")
    item = {
        "type": "assistant_message",
        "id": "msg_long",
        "thread_id": thread.id,
        "created_at": "2026-01-01T00:00:00Z",
        "content": [{"type": "output_text", "text": ""}],
    }
    chunk = "x" * 1000
    events = [{"type": "thread.item.added", "item": item}] + [
        {
            "type": "thread.item.updated",
            "item_id": "msg_long",
            "update": {
                "type": "assistant_message.content_part.text_delta",
                "content_index": 0,
                "delta": chunk,
            },
        }
        for _ in range(EVENTS)
    ]
    store.append_events(thread.id, "seed", events, store.item_writes(events[:1]))
    return thread.id


def _visitor(key: str):
    from chatkit.sessions import Visitor

    return Visitor(key)


async def test_it_drops_a_client_that_reads_nothing(impatient_server, deployment):
    thread_id = await asyncio.to_thread(long_thread, deployment, "anon:sleepy")
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8192)
    sock.connect(("127.0.0.1", impatient_server))
    ws = await websockets.connect(
        f"ws://127.0.0.1:{impatient_server}/ws/chat/",
        sock=sock,
        origin=f"http://127.0.0.1:{impatient_server}",
        max_size=None,
    )
    token = session_token(deployment, "anon:sleepy")
    await ws.send(json.dumps({"id": "a", "type": "session.auth", "params": {"token": token}}))
    assert "result" in json.loads(await ws.recv())

    ws.transport.pause_reading()
    await ws.send(
        json.dumps(
            {
                "id": "r",
                "type": "threads.resume",
                "params": {"thread_id": thread_id, "after_seq": 0},
            }
        )
    )
    # The server lets go of the connection while the client still reads nothing.
    deadline = time.monotonic() + STALL + 15
    while await connected("anon:sleepy"):
        assert time.monotonic() < deadline, "the server kept a client that reads nothing"
        await asyncio.sleep(0.2)

    ws.transport.resume_reading()
    received = []
    with pytest.raises(websockets.ConnectionClosed):
        while True:
            received.append(json.loads(await asyncio.wait_for(ws.recv(), 20)))
    replayed = [frame["seq"] for frame in received if "seq" in frame]
    # What was sent before the drop is exact and in order, and far from all of it.
    assert replayed == list(range(1, len(replayed) + 1))
    assert len(replayed) < EVENTS


async def connected(visitor: str) -> bool:
    from channels.db import database_sync_to_async

    from chatkit.models import LiveConnection

    return await database_sync_to_async(LiveConnection.objects.filter(visitor=visitor).exists)()
