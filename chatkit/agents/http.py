"""An agent behind an HTTP endpoint that streams ChatKit events back.

Each turn is one POST of JSON (the thread, its recent items, the new input or action and
who is asking), signed with the deployment's secret key in `X-Chatkit-Signature`
(`sha256=<hex HMAC of the body>`), answered with `text/event-stream`: one `data: <ChatKit
ThreadStreamEvent JSON>` per event, exactly ChatKit's own framing. Synchronous actions
(`"sync": true`) are answered with JSON `{"updated_item": ...}`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
from pydantic import TypeAdapter, ValidationError

from chatkit import protocol as p
from chatkit.agents.base import Agent, AgentContext, AgentError
from chatkit.agents.config import HttpConfig
from chatkit.keys import derive_secret_key

EVENT = TypeAdapter(p.ThreadStreamEvent)
MAX_EVENT_BYTES = 1024 * 1024


class HttpAgent(Agent):
    async def respond(
        self, ctx: AgentContext, message: p.UserMessageItem | None
    ) -> AsyncIterator[p.ThreadStreamEvent]:
        body = self._body(ctx, {"input": message.dump() if message else None})
        async for event in self._stream(body):
            yield event

    async def action(
        self, ctx: AgentContext, action: p.ActionInput, sender: dict[str, Any] | None
    ) -> AsyncIterator[p.ThreadStreamEvent]:
        body = self._body(ctx, {"action": action.model_dump(), "sender": sender})
        async for event in self._stream(body):
            yield event

    async def sync_action(
        self, ctx: AgentContext, action: p.ActionInput, sender: dict[str, Any] | None
    ) -> dict[str, Any] | None:
        body = self._body(ctx, {"action": action.model_dump(), "sender": sender, "sync": True})
        config = HttpConfig.model_validate(self.config)
        try:
            async with httpx.AsyncClient(timeout=config.timeout) as client:
                response = await client.post(
                    str(config.url), content=body, headers=self._headers(body, "application/json")
                )
        except httpx.HTTPError:
            raise AgentError("The assistant could not be reached.") from None
        if response.status_code >= 400:
            raise AgentError(f"The assistant failed (HTTP {response.status_code}).")
        try:
            return response.json().get("updated_item")
        except (ValueError, AttributeError):
            raise AgentError("The assistant answered with malformed JSON.") from None

    def _body(self, ctx: AgentContext, turn: dict[str, Any]) -> bytes:
        payload = {
            "deployment": self.deployment.public_key,
            "thread": {"id": ctx.thread_id},
            "items": ctx.history,
            "visitor": ctx.visitor.public_dict(),
            **turn,
        }
        return json.dumps(payload, separators=(",", ":"), default=str).encode()

    def _headers(self, body: bytes, accept: str) -> dict[str, str]:
        config = HttpConfig.model_validate(self.config)
        signature = hmac.new(
            derive_secret_key(self.deployment).encode(), body, hashlib.sha256
        ).hexdigest()
        return {
            **config.headers,
            "Content-Type": "application/json",
            "Accept": accept,
            "X-Chatkit-Signature": f"sha256={signature}",
        }

    async def _stream(self, body: bytes) -> AsyncIterator[p.ThreadStreamEvent]:
        config = HttpConfig.model_validate(self.config)
        try:
            async with (
                httpx.AsyncClient(timeout=httpx.Timeout(config.timeout, connect=10)) as client,
                client.stream(
                    "POST",
                    str(config.url),
                    content=body,
                    headers=self._headers(body, "text/event-stream"),
                ) as response,
            ):
                if response.status_code >= 400:
                    raise AgentError(
                        f"The assistant failed (HTTP {response.status_code}). Please try again."
                    )
                async for data in _sse_data(response):
                    try:
                        yield EVENT.validate_json(data)
                    except ValidationError as e:
                        raise AgentError(
                            "The assistant sent an event this chat does not understand."
                        ) from e
        except httpx.TimeoutException:
            raise AgentError("The assistant took too long to answer. Please try again.") from None
        except httpx.HTTPError:
            raise AgentError("The assistant could not be reached. Please try again.") from None


async def _sse_data(response: httpx.Response) -> AsyncIterator[str]:
    """The data of each Server-Sent Event (multi-line data joined, comments skipped)."""
    lines: list[str] = []
    size = 0
    async for line in response.aiter_lines():
        if line == "":
            if lines:
                yield "\n".join(lines)
            lines, size = [], 0
        elif line.startswith("data:"):
            value = line[5:].removeprefix(" ")
            size += len(value)
            if size > MAX_EVENT_BYTES:
                raise AgentError("The assistant sent an event larger than 1 MiB.")
            lines.append(value)
    if lines:
        yield "\n".join(lines)
