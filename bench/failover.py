"""How long a visitor waits when a process dies mid-answer (`make run-cluster`'s set-up:
two web processes, two workers, PostgreSQL and Redis; needs both running locally).

- a worker running the answer is SIGKILLed: time until the visitor has the `error` with
  Retry (the baseline is the lease, CHATKIT_RUN_LEASE: death is presumed after it);
- the web process a visitor is connected to is SIGKILLed: time until the visitor, back
  through the shared port (on the other web process), has the answer's next event.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import secrets
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

import psycopg
import websockets

from bench.server import ROOT, free_port
from bench.ttft import session

ROUNDS = 5
LEASE = 6
STARTED = re.compile(r"cluster: (web \d|worker \d) started(?: on port (\d+))?, pid (\d+)")


class Cluster:
    def __init__(self) -> None:
        self.port = free_port()
        self.name = f"chatkit_failover_{secrets.token_hex(4)}"
        admin = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
        self.admin = admin
        self.database_url = admin.rsplit("/", 1)[0] + f"/{self.name}"
        self.pids: dict[str, int] = {}
        self.lines: list[str] = []
        self.ports: dict[str, int] = {}
        env = {
            **os.environ,
            "DATABASE_URL": self.database_url,
            "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/14"),
            "REDIS_PREFIX": self.name,
            "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "PORT": str(self.port),
            "CHATKIT_RUN_LEASE": str(LEASE),
        }
        self.process = subprocess.Popen(
            [sys.executable, "scripts/run_cluster.py"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        threading.Thread(target=self._read, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line)
            if match := STARTED.search(line):
                self.pids[match[1]] = int(match[3])
                if match[2]:
                    self.ports[match[1]] = int(match[2])

    def runner_pid(self, thread_id: str) -> int:
        with psycopg.connect(self.database_url) as conn:
            row = conn.execute(
                "SELECT runner FROM chatkit_response WHERE thread_id = %s AND runner <> ''"
                " ORDER BY started_at DESC LIMIT 1",
                (thread_id,),
            ).fetchone()
        return int(row[0].rsplit(":", 1)[1])

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(60)
        with psycopg.connect(self.admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


async def connect(cluster: Cluster, token: str, port: int | None = None):
    """Through the shared port, or straight to one web process."""
    port = port or cluster.port
    ws_url = f"ws://127.0.0.1:{port}/ws/chat/"
    deadline = time.monotonic() + 30
    while True:
        try:
            ws = await websockets.connect(ws_url, origin=f"http://127.0.0.1:{port}")
            await ws.send(
                json.dumps({"id": "a", "type": "session.auth", "params": {"token": token}})
            )
            await ws.recv()
            return ws
        except (OSError, EOFError, websockets.WebSocketException):
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.1)


async def start_slow(ws) -> tuple[str, int]:
    content = {"input": {"content": [{"type": "input_text", "text": "/slow"}]}}
    await ws.send(json.dumps({"id": "q", "type": "threads.create", "params": content}))
    thread_id, seq, deltas = None, 0, 0
    while deltas < 10:
        frame = json.loads(await asyncio.wait_for(ws.recv(), 30))
        thread_id = thread_id or frame.get("thread_id")
        seq = frame.get("seq", seq)
        deltas += frame.get("event", {}).get("type") == "thread.item.updated"
    return thread_id, seq


async def worker_death(cluster: Cluster, token: str) -> float:
    ws = await connect(cluster, token)
    thread_id, _ = await start_slow(ws)
    waited = 0.0
    os.kill(cluster.runner_pid(thread_id), signal.SIGKILL)
    killed = time.perf_counter()
    while True:
        frame = json.loads(await asyncio.wait_for(ws.recv(), 30))
        if frame.get("event", {}).get("type") == "error":
            waited = time.perf_counter() - killed
        if frame.get("done"):
            break
    assert waited, "the answer ended without an error"
    await ws.close()
    await asyncio.sleep(2)  # the supervisor restarts the worker
    return waited


async def web_death(cluster: Cluster, token: str) -> float:
    ws = await connect(cluster, token, port=cluster.ports["web 1"])
    thread_id, seq = await start_slow(ws)
    os.kill(cluster.pids["web 1"], signal.SIGKILL)
    killed = time.perf_counter()
    again = await connect(cluster, token)
    params = {"thread_id": thread_id, "after_seq": seq}
    await again.send(json.dumps({"id": "r", "type": "threads.resume", "params": params}))
    json.loads(await asyncio.wait_for(again.recv(), 30))
    waited = time.perf_counter() - killed
    while not json.loads(await asyncio.wait_for(again.recv(), 30)).get("done"):
        pass
    await again.close()
    await asyncio.sleep(3)  # the supervisor restarts the web process
    return waited


async def measure(cluster: Cluster) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {"worker": [], "web": []}
    for n in range(ROUNDS):
        token = session(cluster.url)
        results["worker"].append(await worker_death(cluster, token))
        results["web"].append(await web_death(cluster, token))
        print(
            f"  round {n + 1}: worker {results['worker'][-1]:.2f} s, web {results['web'][-1]:.2f} s"
        )
    return results


def main() -> None:
    print("failover: starting a cluster", flush=True)
    cluster = Cluster()
    try:
        results = asyncio.run(measure(cluster))
    except BaseException:
        print("".join(line for line in cluster.lines if "HTTP" not in line and "WS" not in line))
        raise
    finally:
        cluster.stop()
    worker, web = results["worker"], results["web"]
    print(f"failover over {ROUNDS} rounds (lease {LEASE} s)")
    print(
        f"  worker SIGKILLed -> error with Retry: median {statistics.median(worker):.2f} s,"
        f" max {max(worker):.2f} s ({statistics.median(worker) / LEASE:.2f}x the lease)"
    )
    print(
        f"  web process SIGKILLed -> answer continues: median {statistics.median(web):.2f} s,"
        f" max {max(web):.2f} s"
    )


if __name__ == "__main__":
    main()
