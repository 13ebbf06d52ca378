"""Two Daphne processes on PostgreSQL and Redis: a response started on one is followed,
resumed and stopped from the other (SPEC §7: "from any server process")."""

import asyncio
import json
import os
import secrets
import subprocess
import sys
import urllib.request
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
import websockets

from tests.conftest import ROOT, free_port, server_env, start_daphne

pytestmark = [
    pytest.mark.postgres_redis,
    pytest.mark.skipif(
        not (os.environ.get("TEST_DATABASE_URL") and os.environ.get("TEST_REDIS_URL")),
        reason="needs TEST_DATABASE_URL and TEST_REDIS_URL",
    ),
]


@pytest.fixture(scope="module")
def two_servers(tmp_path_factory):
    admin_url = os.environ["TEST_DATABASE_URL"]
    name = f"chatkit_scale_{secrets.token_hex(4)}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(admin_url)
    database_url = urlunsplit(parts._replace(path=f"/{name}"))
    ports = [free_port(), free_port()]
    env = server_env(
        ports[0],
        DATABASE_URL=database_url,
        REDIS_URL=os.environ["TEST_REDIS_URL"],
        SECRET_KEY="scale-out-test-" + secrets.token_hex(16),
    )
    for command in (["migrate", "--no-input", "-v", "0"], ["demo"]):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
    logs = tmp_path_factory.mktemp("scale")
    processes = [
        start_daphne(
            port, {**env, "CHATKIT_PUBLIC_URL": f"http://127.0.0.1:{port}"}, logs / f"{port}.log"
        )
        for port in ports
    ]
    yield ports
    for process in processes:
        process.terminate()
        process.wait(10)
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def session(port: int) -> str:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/sessions",
        data=json.dumps({"deployment": "pk_demo"}).encode(),
        headers={"Content-Type": "application/json", "Origin": f"http://127.0.0.1:{port}"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)["token"]


async def connect(port: int, token: str):
    ws = await websockets.connect(
        f"ws://127.0.0.1:{port}/ws/chat/", origin=f"http://127.0.0.1:{port}"
    )
    await ws.send(json.dumps({"id": "auth", "type": "session.auth", "params": {"token": token}}))
    assert "result" in json.loads(await ws.recv())
    return ws


async def frames_until_done(ws, request_id: str) -> list[dict]:
    frames = []
    while True:
        frame = json.loads(await asyncio.wait_for(ws.recv(), 20))
        if frame.get("id") == request_id:
            frames.append(frame)
            if frame.get("done"):
                return frames


async def test_it_follows_and_stops_a_response_from_another_process(two_servers):
    first, second = two_servers
    token = session(first)
    owner = await connect(first, token)
    await owner.send(
        json.dumps(
            {
                "id": "ask",
                "type": "threads.create",
                "params": {"input": {"content": [{"type": "input_text", "text": "/slow"}]}},
            }
        )
    )
    started = [json.loads(await owner.recv()) for _ in range(10)]
    thread_id = started[0]["thread_id"]

    watcher = await connect(second, token)
    await watcher.send(
        json.dumps(
            {
                "id": "follow",
                "type": "threads.resume",
                "params": {"thread_id": thread_id, "after_seq": 3},
            }
        )
    )
    watched = []
    while sum(1 for f in watched if f.get("event", {}).get("type") == "thread.item.updated") < 25:
        watched.append(json.loads(await asyncio.wait_for(watcher.recv(), 10)))
    await watcher.send(
        json.dumps({"id": "stop", "type": "threads.cancel", "params": {"thread_id": thread_id}})
    )

    owned = started + await frames_until_done(owner, "ask")
    watched += await frames_until_done(watcher, "follow")
    assert owned[-1]["done"] and watched[-1]["done"]
    expected = [(f["seq"], f["event"]) for f in owned if "seq" in f and f["seq"] > 3]
    assert [(f["seq"], f["event"]) for f in watched if "seq" in f] == expected
    final = expected[-1][1]
    assert final["type"] == "thread.item.done"
    assert "That is the end of the slow answer" not in final["item"]["content"][0]["text"]
    await owner.close()
    await watcher.close()
