"""`make run-cluster`: two web processes and two workers behind one port; killing every
web process mid-answer costs the visitor nothing but a reconnect."""

import asyncio
import os
import re
import secrets
import signal
import subprocess
import sys
import threading
import time
from urllib.parse import urlsplit, urlunsplit

import pytest
import websockets

from chatkit.agents.demo import slow_answer
from tests.cluster import demo_session, drop_database, needs_postgres_and_redis, wait_for_health
from tests.conftest import ROOT, free_port
from tests.live_chat import LiveChat, message, streamed_text

pytestmark = needs_postgres_and_redis

STARTED = re.compile(r"cluster: (web \d|worker \d) started(?: on port \d+)?, pid (\d+)")


@pytest.fixture
def cluster_script():
    name = f"chatkit_run_cluster_{secrets.token_hex(4)}"
    admin = os.environ["TEST_DATABASE_URL"]
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": urlunsplit(urlsplit(admin)._replace(path=f"/{name}")),
        "REDIS_URL": os.environ["TEST_REDIS_URL"],
        "REDIS_PREFIX": name,
        "PORT": str(port),
        "DJANGO_SETTINGS_MODULE": "tests.settings",
    }
    process = subprocess.Popen(
        [sys.executable, "scripts/run_cluster.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    pids: dict[str, int] = {}
    lines: list[str] = []

    def read() -> None:
        for line in process.stdout:
            lines.append(line)
            if match := STARTED.search(line):
                pids[match[1]] = int(match[2])

    threading.Thread(target=read, daemon=True).start()
    try:
        wait_for_health(port, timeout=60)
        yield port, pids, lines, env
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(60)
        drop_database(name)


async def test_it_answers_through_the_shared_port_whatever_dies(cluster_script):
    port, pids, lines, env = cluster_script
    token = demo_session(env, "anon:cluster-trial")
    chat = await LiveChat.connect(port, token)
    await chat.send("threads.create", message("/slow"))
    before = [await chat.recv(30) for _ in range(15)]
    for name in ("web 1", "web 2"):
        os.kill(pids[name], signal.SIGKILL)

    deadline = time.monotonic() + 30
    while True:
        try:
            again = await LiveChat.connect(port, token)
            break
        except (OSError, EOFError, websockets.InvalidHandshake):
            assert time.monotonic() < deadline, "".join(lines[-20:])
            await asyncio.sleep(0.3)
    after_seq = max(frame["seq"] for frame in before if "seq" in frame)
    rid = await again.send(
        "threads.resume", {"thread_id": before[0]["thread_id"], "after_seq": after_seq}
    )
    after = await again.until_done(rid, timeout=60)
    assert streamed_text(before + after) == slow_answer()
    assert sum("exited" in line for line in lines) == 2
