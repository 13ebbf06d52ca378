"""`make run-cluster`: chatkit as it runs in production, on one machine, for trials.

Two Daphne web processes and two Channels workers (CHATKIT_EXECUTOR=workers) on PostgreSQL
and Redis, behind one local port that hands each new connection to the next web process.
A process that dies is started again after a second, so you can kill any of them
(`kill -9 PID`, the PIDs are printed) and watch the answers carry on.

Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/chatkit_cluster,
created if missing), REDIS_URL (default redis://127.0.0.1:6379/0), HOST and PORT (the
shared port, default 127.0.0.1:8000), WEB and WORKERS (how many of each, default 2).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
RESTART_DELAY = 1.0


@dataclass
class Child:
    name: str
    command: list[str]
    env: dict[str, str]
    port: int | None = None
    process: asyncio.subprocess.Process | None = field(default=None, repr=False)

    async def start(self) -> None:
        self.process = await asyncio.create_subprocess_exec(*self.command, cwd=ROOT, env=self.env)
        where = f" on port {self.port}" if self.port else ""
        print(f"cluster: {self.name} started{where}, pid {self.process.pid}", flush=True)


def ensure_database(url: str) -> None:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


async def supervise(child: Child, stopping: asyncio.Event) -> None:
    while not stopping.is_set():
        await child.start()
        code = await child.process.wait()
        if stopping.is_set():
            return
        print(f"cluster: {child.name} exited ({code}); starting it again", flush=True)
        await asyncio.sleep(RESTART_DELAY)


async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        with contextlib.suppress(Exception):
            writer.close()


def balancer(ports: list[int]):
    """Each new connection goes to the next web process that accepts it."""
    turns = itertools.cycle(ports)

    async def handle(client_reader, client_writer) -> None:
        for _ in ports:
            port = next(turns)
            try:
                backend_reader, backend_writer = await asyncio.open_connection("127.0.0.1", port)
                break
            except OSError:
                continue
        else:
            client_writer.close()
            return
        await asyncio.gather(
            pipe(client_reader, backend_writer), pipe(backend_reader, client_writer)
        )

    return handle


async def main() -> None:
    host = os.environ.get("HOST", "127.0.0.1")
    port = int(os.environ.get("PORT", "8000"))
    webs = int(os.environ.get("WEB", "2"))
    workers = int(os.environ.get("WORKERS", "2"))
    database_url = os.environ.get(
        "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/chatkit_cluster"
    )
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        "CHATKIT_EXECUTOR": "workers",
        "CHATKIT_PUBLIC_URL": os.environ.get("CHATKIT_PUBLIC_URL", f"http://{host}:{port}"),
        "PYTHONUNBUFFERED": "1",
    }
    ensure_database(database_url)
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "demo")

    web_ports = [port + 1 + i for i in range(webs)]
    # The shared port first: if it is taken, nothing else starts.
    server = await asyncio.start_server(balancer(web_ports), host, port)
    daphne = [sys.executable, "-m", "daphne", "--bind", "127.0.0.1"]
    children = [
        Child(f"web {i + 1}", [*daphne, "--port", str(p), "chatkit.asgi:application"], env, p)
        for i, p in enumerate(web_ports)
    ] + [
        Child(
            f"worker {i + 1}", [sys.executable, "manage.py", "runworker", "chatkit-responses"], env
        )
        for i in range(workers)
    ]
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stopping.set)
    supervisors = [asyncio.create_task(supervise(child, stopping)) for child in children]
    print(f"cluster: http://{host}:{port}/ -> web processes on {web_ports}", flush=True)
    try:
        async with server:
            await stopping.wait()
    finally:
        stopping.set()
        print("cluster: stopping (SIGTERM to every process)", flush=True)
        for child in children:
            if child.process and child.process.returncode is None:
                child.process.send_signal(signal.SIGTERM)
        await asyncio.gather(*supervisors, return_exceptions=True)


if __name__ == "__main__":
    asyncio.run(main())
