"""The agent adapter: the one extension point between a chat and whatever answers it.

An agent turns a visitor's message (or a widget action) into ChatKit stream events. It does
not number, store or deliver them: the response runner does, so every agent gets resume,
cancel and persistence for free. Subclass `Agent`; point a deployment at it with
`--agent python --agent-config '{"path": "package.module:ClassName"}'`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from chatkit import protocol as p
from chatkit.models import new_id

if TYPE_CHECKING:
    from chatkit.models import Deployment
    from chatkit.sessions import Visitor


class AgentError(Exception):
    """A failure the visitor may be told about; `message` is shown to them."""

    def __init__(self, message: str, allow_retry: bool = True) -> None:
        super().__init__(message)
        self.message = message
        self.allow_retry = allow_retry


@dataclass
class AgentContext:
    """What an agent knows about the conversation it is answering."""

    deployment: Deployment
    thread_id: str
    visitor: Visitor
    history: list[dict[str, Any]] = field(default_factory=list)

    def new_item_id(self, prefix: str = "msg") -> str:
        return new_id(prefix)

    def assistant_message(self) -> AssistantMessageStream:
        return AssistantMessageStream(self.new_item_id("msg"), self.thread_id)

    def widget(self, widget: dict[str, Any], copy_text: str | None = None) -> p.ThreadItemDone:
        """A finished widget item (validate it first with `widgets.validation`)."""
        item = p.WidgetItem(
            id=self.new_item_id("wdg"),
            thread_id=self.thread_id,
            created_at=timezone.now(),
            widget=widget,
            copy_text=copy_text,
        )
        return p.ThreadItemDone(item=item)


class AssistantMessageStream:
    """Builds the added / text_delta / done events of one streamed assistant message."""

    def __init__(self, item_id: str, thread_id: str) -> None:
        self.item = p.AssistantMessageItem(
            id=item_id,
            thread_id=thread_id,
            created_at=timezone.now(),
            content=[p.OutputText(text="")],
        )

    @property
    def id(self) -> str:
        return self.item.id

    def added(self) -> p.ThreadItemAdded:
        return p.ThreadItemAdded(item=self.item.model_copy(deep=True))

    def delta(self, text: str) -> p.ThreadItemUpdated:
        self.item.content[0].text += text
        return p.ThreadItemUpdated(
            item_id=self.item.id, update=p.TextDelta(content_index=0, delta=text)
        )

    def done(self) -> p.ThreadItemDone:
        return p.ThreadItemDone(item=self.item.model_copy(deep=True))


class Agent:
    """Base class of agents. `config` is the deployment's validated agent settings."""

    def __init__(self, deployment: Deployment, config: dict[str, Any]) -> None:
        self.deployment = deployment
        self.config = config

    async def respond(
        self, ctx: AgentContext, message: p.UserMessageItem | None
    ) -> AsyncIterator[p.ThreadStreamEvent]:
        """Answer the latest user message (None after a client tool output)."""
        raise NotImplementedError
        yield  # pragma: no cover

    async def action(
        self, ctx: AgentContext, action: p.ActionInput, sender: dict[str, Any] | None
    ) -> AsyncIterator[p.ThreadStreamEvent]:
        """Handle a widget action sent with `threads.custom_action`. Default: acknowledge nothing."""
        return
        yield  # pragma: no cover

    async def sync_action(
        self, ctx: AgentContext, action: p.ActionInput, sender: dict[str, Any] | None
    ) -> dict[str, Any] | None:
        """Handle a `streaming: false` action; return the updated sender item, if any."""
        return None
