"""Shared fixtures: deployments, websocket clients, a real Daphne server and a real Chromium."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test.utils import modify_settings

from chatkit.keys import issue_keys
from chatkit.models import Deployment
from chatkit.responses.bus import bus
from chatkit.responses.host import host
from chatkit.sessions import Visitor, mint_session

ROOT = Path(__file__).resolve().parent.parent
OWN_ORIGIN = "http://testserver"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


# --- deployments and sessions -----------------------------------------------------------


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate-limit counters live in the cache; each test starts with none."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def make_deployment(db):
    def make(**fields) -> Deployment:
        fields.setdefault("name", "Test")
        fields.setdefault("allowed_origins", ["https://site.example"])
        deployment = Deployment(**fields)
        secret = issue_keys(deployment)
        deployment.save()
        deployment.secret_key = secret
        return deployment

    return make


@pytest.fixture
def deployment(make_deployment) -> Deployment:
    return make_deployment()


def session_token(deployment: Deployment, visitor: str = "anon:alice") -> str:
    return mint_session(deployment, Visitor(visitor))[0]


# --- websocket clients --------------------------------------------------------------------


class ChatClient:
    """A WebsocketCommunicator speaking the chat protocol, with small helpers for tests."""

    def __init__(self, origin: str = OWN_ORIGIN, host: str = "testserver") -> None:
        from chatkit.asgi import application

        headers = [(b"origin", origin.encode()), (b"host", host.encode())]
        self.ws = WebsocketCommunicator(application, "/ws/chat/", headers=headers)
        self.counter = 0

    async def connect(self) -> tuple[bool, int | None]:
        return await self.ws.connect()

    async def send(self, type_: str, params: dict | None = None, id_: str | None = None) -> str:
        self.counter += 1
        rid = id_ or f"r{self.counter}"
        await self.ws.send_json_to({"id": rid, "type": type_, "params": params or {}})
        return rid

    async def send_raw(self, text: str) -> None:
        await self.ws.send_to(text_data=text)

    async def recv(self, timeout: float = 5) -> dict:
        return await self.ws.receive_json_from(timeout=timeout)

    async def request(self, type_: str, params: dict | None = None, timeout: float = 5) -> dict:
        rid = await self.send(type_, params)
        frame = await self.recv(timeout)
        assert frame["id"] == rid, frame
        return frame

    async def auth(self, deployment: Deployment, visitor: str = "anon:alice") -> dict:
        frame = await self.request("session.auth", {"token": session_token(deployment, visitor)})
        assert "result" in frame, frame
        return frame

    async def until_done(self, rid: str, timeout: float = 20) -> list[dict]:
        """All frames of request `rid` up to and including its `done` frame."""
        frames = []
        deadline = time.monotonic() + timeout
        while True:
            frame = await self.recv(max(deadline - time.monotonic(), 0.01))
            if frame.get("id") == rid:
                frames.append(frame)
                if frame.get("done"):
                    return frames

    async def nothing_more(self, timeout: float = 0.2) -> bool:
        return await self.ws.receive_nothing(timeout=timeout)

    async def close(self) -> None:
        await self.ws.disconnect()


@pytest.fixture
async def chat():
    clients: list[ChatClient] = []

    async def connect(origin: str = OWN_ORIGIN) -> ChatClient:
        client = ChatClient(origin)
        connected, _ = await client.connect()
        assert connected
        clients.append(client)
        return client

    yield connect
    for client in clients:
        with contextlib.suppress(Exception):
            await client.close()
    # Answers outlive their connections: stop this test's before the next one starts.
    await host.stop_all()
    await bus.stop()


def message(text: str) -> dict:
    return {"input": {"content": [{"type": "input_text", "text": text}]}}


def events(frames: list[dict]) -> list[dict]:
    return [frame["event"] for frame in frames if "event" in frame]


def text_of_answer(frames: list[dict]) -> str:
    done = [
        e
        for e in events(frames)
        if e["type"] == "thread.item.done" and e["item"]["type"] == "assistant_message"
    ]
    return done[-1]["item"]["content"][0]["text"]


# --- a real server ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LiveServer:
    port: int
    process: subprocess.Popen
    log: Path
    # pytest-django's autouse helper enables this around every test using `live_server`.
    _live_server_modified_settings: modify_settings = field(
        default_factory=lambda: modify_settings(
            ALLOWED_HOSTS={"append": ["127.0.0.1", "localhost"]}
        )
    )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def localhost_url(self) -> str:
        return f"http://localhost:{self.port}"


def start_daphne(port: int, env: dict[str, str], log_path: Path) -> subprocess.Popen:
    log = open(log_path, "wb")  # noqa: SIM115 - lives as long as the server
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "daphne",
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--websocket-max-message-size",
            "1048576",
            "--websocket-max-frame-size",
            "1048576",
            "chatkit.asgi:application",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Daphne exited early; see {log_path}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"Daphne did not start; see {log_path}")


def server_env(port: int, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "CHATKIT_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("REDIS_URL", None)
    env.update(extra)
    return env


@pytest.fixture(scope="session")
def live_server(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[LiveServer]:
    """Daphne in its own process, on the test database (a file, so both processes see it)."""
    port = free_port()
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        pytest.fail("The live server fixture runs on the SQLite test database")
    env = server_env(
        port,
        DATABASE_URL=f"sqlite:///{database['NAME']}",
        MEDIA_ROOT=str(tmp_path_factory.mktemp("media")),
    )
    log = tmp_path_factory.mktemp("daphne") / "daphne.log"
    process = start_daphne(port, env, log)
    yield LiveServer(port, process, log)
    process.terminate()
    process.wait(10)


# --- a real browser ---------------------------------------------------------------------------


def chromium_path() -> str | None:
    candidate = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    return candidate if candidate and Path(candidate).exists() else None


@pytest.fixture(scope="module")
def browser(django_db_setup):
    """Chromium for one test module.

    Sync Playwright keeps an event loop running in this thread; Django then refuses ORM
    calls (test bodies and the database flush between tests) unless told the loop is not
    ours, so the permission lasts exactly as long as the browser does. Module scope keeps
    that loop away from the async tests in other modules.
    """
    if os.environ.get("SKIP_BROWSER") == "1":
        pytest.skip("SKIP_BROWSER=1")
    path = chromium_path()
    if path is None:
        pytest.fail(
            "Chromium is needed for the browser tests: install it with `apt-get install chromium` "
            "or point CHROMIUM_PATH at it (SKIP_BROWSER=1 skips these tests)."
        )
    from playwright.sync_api import expect, sync_playwright

    # Two cores shared with Daphne and the test process: allow slow moments.
    expect.set_options(timeout=15_000)
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    """A fresh browser context per test; `@pytest.mark.parametrize("color_scheme", ...)` works."""
    scheme = getattr(request, "param", None) or "light"
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.js_errors = errors
    yield page
    context.close()


@pytest.fixture
def demo_deployment(transactional_db, live_server, browser) -> Deployment:
    """The demo deployment, allowed on the live server's 127.0.0.1 origin only."""
    from chatkit.management.commands.demo import DEMO_KEY, demo_start_screen

    deployment = Deployment(
        name="Demo",
        public_key=DEMO_KEY,
        agent="demo",
        allowed_origins=[live_server.url],
        start_screen=demo_start_screen(),
        # Every browser test comes from 127.0.0.1 within the same minute; rate limits
        # have their own tests.
        rate_limits={"sessions_per_minute": 10_000, "messages_per_minute": 10_000},
    )
    issue_keys(deployment)
    deployment.save()
    return deployment
