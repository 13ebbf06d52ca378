"""A chat client over a real websocket (the `websockets` library), for tests against Daphne
processes: clean closes and TCP aborts, resumes, and rebuilding a thread from its events."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import websockets


class LiveChat:
    def __init__(self, ws: websockets.ClientConnection) -> None:
        self.ws = ws
        self.counter = 0

    @classmethod
    async def connect(cls, port: int, token: str | None = None) -> LiveChat:
        ws = await websockets.connect(
            f"ws://127.0.0.1:{port}/ws/chat/",
            origin=f"http://127.0.0.1:{port}",
            max_size=2**22,
            open_timeout=20,
        )
        chat = cls(ws)
        if token is not None:
            frame = await chat.request("session.auth", {"token": token}, timeout=20)
            assert "result" in frame, frame
        return chat

    async def send(self, type_: str, params: dict | None = None, id_: str | None = None) -> str:
        self.counter += 1
        rid = id_ or f"r{self.counter}"
        await self.ws.send(json.dumps({"id": rid, "type": type_, "params": params or {}}))
        return rid

    async def recv(self, timeout: float = 20) -> dict[str, Any]:
        return json.loads(await asyncio.wait_for(self.ws.recv(), timeout))

    async def request(self, type_: str, params: dict | None = None, timeout: float = 20) -> dict:
        rid = await self.send(type_, params)
        while True:
            frame = await self.recv(timeout)
            if frame.get("id") == rid:
                return frame

    async def until_done(self, rid: str, timeout: float = 60) -> list[dict[str, Any]]:
        """Every frame of request `rid` up to and including its `done` frame."""
        frames = []
        deadline = time.monotonic() + timeout
        while True:
            frame = await self.recv(max(deadline - time.monotonic(), 0.01))
            if frame.get("id") == rid:
                frames.append(frame)
                if frame.get("done") or "error" in frame:
                    return frames

    async def frames_for(self, seconds: float) -> list[dict[str, Any]]:
        """Whatever arrives within `seconds`."""
        frames = []
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                frames.append(await self.recv(left))
            except TimeoutError:
                break
        return frames

    async def close(self) -> None:
        await self.ws.close()

    def abort(self) -> None:
        """Drop the TCP connection without a closing handshake, as a lost network does."""
        self.ws.transport.abort()


def message(text: str) -> dict:
    return {"input": {"content": [{"type": "input_text", "text": text}]}}


def apply(items: dict[str, dict], event: dict[str, Any]) -> None:
    """Apply one stream event to a client's copy of a thread's items (text updates only)."""
    kind = event["type"]
    if kind in ("thread.item.added", "thread.item.done", "thread.item.replaced"):
        items[event["item"]["id"]] = event["item"]
    elif kind == "thread.item.updated" and "delta" in event["update"]:
        item = items[event["item_id"]]
        item["content"][event["update"]["content_index"]]["text"] += event["update"]["delta"]
    elif kind == "thread.item.removed":
        items.pop(event["item_id"], None)


def rebuild(frames: list[dict[str, Any]]) -> tuple[dict[str, dict], list[int]]:
    """The items a client ends with, applying frames by seq (skipping repeats), and the seqs."""
    items: dict[str, dict] = {}
    seqs: list[int] = []
    for frame in frames:
        if "seq" not in frame or (seqs and frame["seq"] <= seqs[-1]):
            continue
        seqs.append(frame["seq"])
        apply(items, json.loads(json.dumps(frame["event"])))
    return items, seqs


def streamed_text(frames: list[dict[str, Any]]) -> str:
    """The text deltas of the frames, in order, each seq once."""
    seen: set[int] = set()
    parts = []
    for frame in frames:
        event = frame.get("event")
        if event is None or frame["seq"] in seen:
            continue
        seen.add(frame["seq"])
        if event["type"] == "thread.item.updated" and "delta" in event["update"]:
            parts.append(event["update"]["delta"])
    return "".join(parts)
