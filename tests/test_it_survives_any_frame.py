"""Whatever a client sends (every request type with hostile params, lone surrogates in ids,
keys and values, binary frames), Daphne's socket stays open and the server logs no crash."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from websockets.sync.client import connect

from chatkit import protocol as p
from tests.conftest import session_token

pytestmark = pytest.mark.django_db(transaction=True)

SURROGATE = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
# Half of all strings hold a lone surrogate somewhere.
TEXT = st.text(max_size=30) | st.builds(
    lambda before, surrogate, after: before + surrogate + after,
    st.text(max_size=10),
    SURROGATE,
    st.text(max_size=10),
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(TEXT, children, max_size=4),
    max_leaves=12,
)
# Params shaped like the real ones, with any value in any field, plus unknown fields.
FIELDS = [
    "thread_id",
    "item_id",
    "input",
    "content",
    "text",
    "token",
    "after_seq",
    "action",
    "limit",
    "order",
    "after",
    "title",
    "kind",
    "item_ids",
    "comment",
    "name",
    "size",
    "mime_type",
    "attachment_id",
    "result",
    "type",
    "payload",
]
PARAMS = st.dictionaries(st.sampled_from(FIELDS) | TEXT, JSON, max_size=5) | JSON
REQUEST = st.fixed_dictionaries(
    {"id": TEXT, "type": st.sampled_from(sorted(p.REQUEST_PARAMS)) | TEXT, "params": PARAMS},
    optional={"metadata": JSON, "extra": JSON},
)
FRAME = REQUEST | st.dictionaries(TEXT, JSON, max_size=4) | JSON


@pytest.fixture(scope="module")
def log_offset(live_server):
    """Where the server's log stood before this module's frames."""
    return live_server.log.stat().st_size


@pytest.fixture
def socket(live_server, deployment, log_offset):
    url = f"ws://127.0.0.1:{live_server.port}/ws/chat/"
    with connect(url, origin=f"http://127.0.0.1:{live_server.port}", open_timeout=20) as ws:
        auth = {"token": session_token(deployment, "anon:fuzzer")}
        ws.send(json.dumps({"id": "auth", "type": "session.auth", "params": auth}))
        assert "result" in json.loads(ws.recv(20))
        yield ws


def still_open(ws) -> None:
    ws.send(json.dumps({"id": "alive?", "type": "ping"}))
    while True:
        frame = json.loads(ws.recv(20))
        if frame.get("id") == "alive?" and "result" in frame:
            return


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(frame=FRAME, binary=st.booleans())
def test_it_keeps_the_socket_open_whatever_arrives(socket, frame, binary):
    # json.dumps escapes lone surrogates (\\ud800): valid UTF-8 text, invalid Unicode inside.
    text = json.dumps(frame)
    socket.send(text.encode() if binary else text)
    still_open(socket)


def test_the_server_logged_no_crash(live_server, log_offset):
    with live_server.log.open("rb") as log:
        log.seek(log_offset)
        assert b"Traceback" not in log.read()
