"""Small real HTTP servers that speak the protocols our agent backends call."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Recorder:
    def __init__(self) -> None:
        self.requests: list[dict] = []


def _serve(handler_class) -> tuple[ThreadingHTTPServer, threading.Thread]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread


@contextmanager
def openai_server(words: list[str], status: int = 200, delay: float = 0.0, garbage: bool = False):
    """A chat completions endpoint streaming `words` as SSE chunks."""
    recorder = Recorder()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            recorder.requests.append(
                {"path": self.path, "headers": dict(self.headers), "body": body}
            )
            if status != 200:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"error": {"message": "nope"}}')
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            for word in words:
                chunk = {"choices": [{"index": 0, "delta": {"content": word}}]}
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.flush()
                time.sleep(delay)
            if garbage:
                self.wfile.write(b"data: {not json\n\n")
            self.wfile.write(b"data: [DONE]\n\n")

    server, _ = _serve(Handler)
    try:
        yield f"http://127.0.0.1:{server.server_port}/v1", recorder
    finally:
        server.shutdown()


@contextmanager
def chatkit_events_server(secret_key: str, events: list[dict], sync_item: dict | None = None):
    """An endpoint answering each turn with ChatKit events as Server-Sent Events."""
    recorder = Recorder()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers["Content-Length"]))
            expected = "sha256=" + hmac.new(secret_key.encode(), raw, hashlib.sha256).hexdigest()
            signed = hmac.compare_digest(self.headers.get("X-Chatkit-Signature", ""), expected)
            body = json.loads(raw)
            recorder.requests.append(
                {"headers": dict(self.headers), "body": body, "signed": signed}
            )
            if not signed:
                self.send_response(401)
                self.end_headers()
                return
            if body.get("sync"):
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(json.dumps({"updated_item": sync_item}).encode())
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            self.wfile.write(b": a comment line is ignored\n\n")
            for event in events:
                self.wfile.write(f"data: {json.dumps(event)}\n\n".encode())
                self.wfile.flush()

    server, _ = _serve(Handler)
    try:
        yield f"http://127.0.0.1:{server.server_port}/agent", recorder
    finally:
        server.shutdown()
