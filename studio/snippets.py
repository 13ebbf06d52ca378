"""The Python an agent needs to send a saved template: copied from the studio's Export menu."""

from __future__ import annotations

import keyword
import pprint
import re
from typing import Any

SNIPPET = '''\
from asgiref.sync import sync_to_async

from chatkit.agents.base import Agent
from widgets.models import WidgetTemplate


def {function}(data: dict) -> dict:
    """The studio's {title!r} template rendered with `data`: the data is checked against
    its schema and the widget is validated (raises widgets.templates.RenderError)."""
    return WidgetTemplate.objects.get(name={name!r}).render(data)


class {agent}(Agent):
    async def respond(self, ctx, message):
        data = {data}
        widget = await sync_to_async({function})(data)
        yield ctx.widget(widget)
'''


def _identifier(name: str) -> str:
    identifier = re.sub(r"\W+", "_", name).strip("_") or "template"
    if identifier[0].isdigit():
        identifier = f"_{identifier}"
    return f"{identifier}_" if keyword.iskeyword(identifier) else identifier


def agent_snippet(name: str, title: str, data: dict[str, Any]) -> str:
    """A Python module with an agent that answers every message with template `name`
    rendered from `data` (usually a sample case)."""
    words = [word for word in re.split(r"[^A-Za-z0-9]+", name) if word]
    agent = "".join(word[:1].upper() + word[1:] for word in words) + "Agent"
    if agent[0].isdigit():
        agent = f"Widget{agent}"
    literal = pprint.pformat(data, width=88, sort_dicts=False)
    # Continuation lines of the data line up under `data = `.
    literal = literal.replace("\n", "\n" + " " * 15)
    return SNIPPET.format(
        function=f"{_identifier(name)}_widget", title=title, name=name, agent=agent, data=literal
    )
