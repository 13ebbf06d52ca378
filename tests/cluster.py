"""Several chatkit processes on one PostgreSQL database and one Redis, as in production:
Daphne web processes and Channels workers, each of which a test may kill or restart."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from tests.conftest import ROOT, free_port, server_env, start_daphne

needs_postgres_and_redis = [
    pytest.mark.postgres_redis,
    pytest.mark.skipif(
        not (os.environ.get("TEST_DATABASE_URL") and os.environ.get("TEST_REDIS_URL")),
        reason="needs TEST_DATABASE_URL and TEST_REDIS_URL",
    ),
]


@dataclass
class Cluster:
    env: dict[str, str]
    logs: Path
    webs: dict[int, subprocess.Popen] = field(default_factory=dict)
    workers: list[subprocess.Popen] = field(default_factory=list)
    workers_started: int = 0

    @property
    def ports(self) -> list[int]:
        return list(self.webs)

    def start_web(self, port: int | None = None, **extra: str) -> int:
        port = port or free_port()
        env = {**self.env, "CHATKIT_PUBLIC_URL": f"http://127.0.0.1:{port}", **extra}
        self.webs[port] = start_daphne(port, env, self.logs / f"web-{port}.log")
        return port

    def start_worker(self, **extra: str) -> subprocess.Popen:
        self.workers_started += 1
        log_path = self.logs / f"worker-{self.workers_started}.log"
        log = open(log_path, "wb")  # noqa: SIM115 - lives as long as the worker
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "runworker", "chatkit-responses"],
            cwd=ROOT,
            env={**self.env, **extra},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.workers.append(worker)
        # Ready once it listens: a turn sent before would only wait, but tests time things.
        deadline = time.monotonic() + 60
        while b"Running worker" not in log_path.read_bytes():
            if worker.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the worker did not start; see {log_path}")
            time.sleep(0.1)
        return worker

    def kill(self, process: subprocess.Popen, sig: int = signal.SIGKILL) -> None:
        process.send_signal(sig)
        process.wait(30)

    def database(self) -> psycopg.Connection:
        return psycopg.connect(self.env["DATABASE_URL"], autocommit=True)

    def stop(self) -> None:
        for process in [*self.webs.values(), *self.workers]:
            if process.poll() is None:
                process.kill()
                process.wait(10)


def start_cluster(logs: Path, **extra: str) -> tuple[Cluster, str]:
    """A fresh database, migrated, with the demo deployment; returns the cluster and the
    database's name (for `drop_database`). Start its processes with `start_web` / `start_worker`."""
    admin_url = os.environ["TEST_DATABASE_URL"]
    name = f"chatkit_cluster_{secrets.token_hex(4)}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    database_url = urlunsplit(urlsplit(admin_url)._replace(path=f"/{name}"))
    env = server_env(
        0,
        DATABASE_URL=database_url,
        REDIS_URL=os.environ["TEST_REDIS_URL"],
        # Its own keys: another cluster on the same Redis never takes its turns.
        REDIS_PREFIX=name,
        **extra,
    )
    for command in (["migrate", "--no-input", "-v", "0"], ["demo"]):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
    return Cluster(env, logs), name


def drop_database(name: str) -> None:
    with psycopg.connect(os.environ["TEST_DATABASE_URL"], autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def demo_session(env: dict[str, str], visitor: str) -> str:
    """A session token for the demo deployment of the processes running with `env`
    (their database and secret key)."""
    from django.core import signing

    from chatkit.sessions import SESSION_SALT

    with psycopg.connect(env["DATABASE_URL"], autocommit=True) as conn:
        pk, version = conn.execute(
            "SELECT id, key_version FROM chatkit_deployment WHERE public_key = 'pk_demo'"
        ).fetchone()
    payload = {"d": pk, "k": version, "v": visitor, "n": "", "e": "", "x": int(time.time()) + 3600}
    return signing.dumps(payload, key=env["SECRET_KEY"], salt=SESSION_SALT, compress=True)


def wait_for_health(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"port {port} did not answer")
