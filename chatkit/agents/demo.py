"""The built-in demo agent (SPEC §9): offline and deterministic, so demos and tests need no key."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from typing import Any

from django.conf import settings

from chatkit import protocol as p
from chatkit.agents.base import Agent, AgentContext

TOKEN = re.compile(r"\s*\S+|\s+")
SLOW_TOKEN_DELAY = 0.04


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def quote(text: str, limit: int = 300) -> str:
    text = text.strip()
    if len(text) > limit:
        text = text[:limit].rstrip() + "…"
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines())


def describe_files(files: list[dict[str, Any]]) -> str:
    if not files:
        return ""
    listed = "\n".join(f"- **{f['name']}** ({f['mime_type']}, {f['size']:,} bytes)" for f in files)
    return f"You attached {len(files)} file{'s' if len(files) != 1 else ''}:\n\n{listed}\n\n"


def answer_for(text: str, files: list[dict[str, Any]] | None = None) -> str:
    words = len(text.split())
    return (
        "## Here is what I heard\n\n"
        f"{quote(text)}\n\n"
        f"{describe_files(files or [])}"
        "I am the built-in **demo agent**: I answer every message the same way, offline, so "
        "you can try the chat without an API key. A real deployment connects an agent backend "
        "in the admin.\n\n"
        "- Your message has "
        f"{words} word{'s' if words != 1 else ''} and {len(text)} characters.\n"
        "- Type `/slow` for a long answer you can stop, or `/error` to see a failure.\n"
        "- Type `/widget` to list the widget gallery.\n\n"
        "```python\n"
        "from chatkit.agents.base import Agent\n\n"
        "class EchoAgent(Agent):\n"
        "    async def respond(self, ctx, message):\n"
        "        stream = ctx.assistant_message()\n"
        "        yield stream.added()\n"
        "        yield stream.delta(message.text())\n"
        "        yield stream.done()\n"
        "```\n"
    )


def slow_answer() -> str:
    paragraphs = [
        f"{n}. This is part {n} of a deliberately slow answer. It streams for about ten "
        "seconds so you can press **Stop**, reload the page, or drop the connection and "
        "watch the chat pick up exactly where it left off."
        for n in range(1, 9)
    ]
    return (
        "## A long answer\n\n" + "\n".join(paragraphs) + "\n\nThat is the end of the slow answer.\n"
    )


class DemoAgent(Agent):
    async def respond(
        self, ctx: AgentContext, message: p.UserMessageItem | None
    ) -> AsyncIterator[p.ThreadStreamEvent]:
        text = message.text().strip() if message else ""
        command = text.split(maxsplit=1)[0].lower() if text.startswith("/") else ""
        if command == "/error":
            yield p.ProgressUpdate(text="Thinking…")
            await asyncio.sleep(0.2)
            yield p.ErrorEvent(
                code="custom",
                message="The demo agent failed on purpose (you typed /error). Try again.",
                allow_retry=True,
            )
            return
        if command == "/widget":
            async for event in self.widget(ctx, text.split(maxsplit=1)[1:]):
                yield event
            return
        if command == "/slow":
            yield p.ProgressUpdate(text="Writing a long answer…")
            async for event in self.stream(ctx, slow_answer(), SLOW_TOKEN_DELAY):
                yield event
            return
        yield p.ProgressUpdate(text="Thinking…")
        delay = settings.CHATKIT_DEMO_TOKEN_DELAY
        answer = answer_for(text or "(an empty message)", message.attachments if message else [])
        async for event in self.stream(ctx, answer, delay):
            yield event

    async def stream(
        self, ctx: AgentContext, text: str, delay: float
    ) -> AsyncIterator[p.ThreadStreamEvent]:
        message = ctx.assistant_message()
        yield message.added()
        for token in tokens(text):
            yield message.delta(token)
            await asyncio.sleep(delay)
        yield message.done()

    async def widget(
        self, ctx: AgentContext, args: list[str]
    ) -> AsyncIterator[p.ThreadStreamEvent]:
        from widgets.gallery import demo_widget_events

        async for event in demo_widget_events(self, ctx, args[0].strip() if args else ""):
            yield event

    async def action(
        self, ctx: AgentContext, action: p.ActionInput, sender: dict[str, Any] | None
    ) -> AsyncIterator[p.ThreadStreamEvent]:
        from widgets.gallery import demo_action_events

        async for event in demo_action_events(self, ctx, action, sender):
            yield event

    async def sync_action(
        self, ctx: AgentContext, action: p.ActionInput, sender: dict[str, Any] | None
    ) -> dict[str, Any] | None:
        from widgets.gallery import demo_sync_action

        return demo_sync_action(action, sender)
