"""A throwaway Daphne on its own SQLite file, set up like `make run`."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_server(**env_overrides: str) -> Iterator[str]:
    with running_process(**env_overrides) as (url, _process):
        yield url


@contextlib.contextmanager
def running_process(**env_overrides: str) -> Iterator[tuple[str, subprocess.Popen]]:
    """The server's URL and its process (to read its memory, or signal it)."""
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "DEBUG": "0",
            "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
            "CHATKIT_PUBLIC_URL": f"http://127.0.0.1:{port}",
            **env_overrides,
        }
        env.pop("REDIS_URL", None) if "REDIS_URL" not in env_overrides else None
        # Benchmarks send more messages a minute than the demo's default rate limits allow.
        unlimited = (
            "from chatkit.models import Deployment; Deployment.objects.filter(public_key='pk_demo')"
            ".update(rate_limits={'messages_per_minute': 10000, 'sessions_per_minute': 10000})"
        )
        for command in (["migrate", "--no-input", "-v", "0"], ["demo"], ["shell", "-c", unlimited]):
            subprocess.run(
                [sys.executable, "manage.py", *command],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
            )
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "daphne",
                "-b",
                "127.0.0.1",
                "-p",
                str(port),
                "chatkit.asgi:application",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 30
            while True:
                try:
                    urllib.request.urlopen(url + "/healthz", timeout=1)
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.1)
            yield url, process
        finally:
            process.terminate()
            process.wait(10)
