"""An agent backed by any OpenAI-compatible chat completions API, streamed over SSE."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
from channels.db import database_sync_to_async

from chatkit import protocol as p
from chatkit.agents.base import Agent, AgentContext, AgentError
from chatkit.agents.config import OpenAIConfig
from chatkit.agents.history import to_messages


class OpenAICompatibleAgent(Agent):
    async def respond(
        self, ctx: AgentContext, message: p.UserMessageItem | None
    ) -> AsyncIterator[p.ThreadStreamEvent]:
        config = OpenAIConfig.model_validate(self.config)
        body = {
            "model": config.model,
            "stream": True,
            "messages": await database_sync_to_async(to_messages)(
                ctx.history, config.system_prompt, config.max_history
            ),
        }
        if config.temperature is not None:
            body["temperature"] = config.temperature
        headers = {"Accept": "text/event-stream"}
        api_key = config.resolved_api_key()
        if api_key:
            headers["Authorization"] = f"Bearer {api_key}"
        yield p.ProgressUpdate(text="Thinking…")
        answer = ctx.assistant_message()
        started = False
        try:
            async with (
                httpx.AsyncClient(timeout=httpx.Timeout(config.timeout, connect=10)) as client,
                client.stream(
                    "POST",
                    f"{config.resolved_base_url()}/chat/completions",
                    json=body,
                    headers=headers,
                ) as response,
            ):
                if response.status_code >= 400:
                    raise AgentError(await _describe_failure(response))
                async for delta in _content_deltas(response):
                    if not started:
                        started = True
                        yield answer.added()
                    yield answer.delta(delta)
        except httpx.TimeoutException:
            raise AgentError("The assistant took too long to answer. Please try again.") from None
        except httpx.HTTPError:
            raise AgentError("The assistant could not be reached. Please try again.") from None
        if started:
            yield answer.done()
        else:
            raise AgentError("The assistant returned an empty answer. Please try again.")


async def _content_deltas(response: httpx.Response) -> AsyncIterator[str]:
    async for line in response.aiter_lines():
        if not line.startswith("data:"):
            continue
        data = line[5:].strip()
        if data == "[DONE]":
            return
        try:
            chunk = json.loads(data)
        except ValueError:
            raise AgentError("The assistant sent a malformed stream.") from None
        if isinstance(chunk, dict) and chunk.get("error"):
            raise AgentError("The assistant failed while answering. Please try again.")
        for choice in chunk.get("choices", []) if isinstance(chunk, dict) else []:
            content = (choice.get("delta") or {}).get("content")
            if isinstance(content, str) and content:
                yield content


async def _describe_failure(response: httpx.Response) -> str:
    if response.status_code in (401, 403):
        return "The assistant is not configured correctly (authentication failed)."
    if response.status_code == 429:
        return "The assistant is busy right now. Please try again in a moment."
    return f"The assistant failed (HTTP {response.status_code}). Please try again."
