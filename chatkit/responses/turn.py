"""A turn: one answer to run, described completely enough to run it in any process."""

from __future__ import annotations

import time
from typing import Any, Literal

from django.conf import settings
from pydantic import BaseModel, ConfigDict

from chatkit.sessions import Visitor


class Turn(BaseModel):
    """What the executor runs. It is plain data (it crosses the channel layer to a worker):
    everything else the answer needs is read from the store where it runs."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["message", "action", "retry", "tool_output"]
    response_id: str
    request_id: str
    thread_id: str
    deployment_id: int
    visitor_key: str
    visitor_name: str = ""
    visitor_email: str = ""
    # The user message answered ("message", "retry").
    item_id: str | None = None
    # The widget action and the widget item it came from ("action").
    action: dict[str, Any] | None = None
    sender_id: str | None = None
    # Wall-clock time (epoch seconds) at which the answer is stopped, wherever it runs.
    deadline: float

    @classmethod
    def new(cls, *, visitor: Visitor, **fields: Any) -> Turn:
        return cls(
            visitor_key=visitor.key,
            visitor_name=visitor.name,
            visitor_email=visitor.email,
            deadline=time.time() + settings.CHATKIT_MAX_ANSWER_SECONDS,
            **fields,
        )

    @property
    def visitor(self) -> Visitor:
        return Visitor(self.visitor_key, self.visitor_name, self.visitor_email)
