"""Walking widget documents: their components in order, and their plain text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

# Props holding text a person reads, per component type.
_TEXT_PROPS = {
    "Title": ("value",),
    "Text": ("value",),
    "Caption": ("value",),
    "Markdown": ("value",),
    "Label": ("value",),
    "Badge": ("label",),
    "Button": ("label",),
    "Checkbox": ("label",),
}


def components(node: Any) -> Iterator[dict[str, Any]]:
    """Every component of a widget, depth first in document order (the root first)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if not isinstance(current, dict):
            continue
        yield current
        children = current.get("children")
        if isinstance(children, dict):
            stack.append(children)
        elif isinstance(children, list):
            stack.extend(reversed(children))


def plain_text(widget: dict[str, Any]) -> str:
    """What a person would copy from a widget: its status and visible text, one per line."""
    lines: list[str] = []
    status = widget.get("status")
    if isinstance(status, dict) and isinstance(status.get("text"), str):
        lines.append(status["text"])
    for component in components(widget):
        for prop in _TEXT_PROPS.get(component.get("type", ""), ()):
            value = component.get(prop)
            if isinstance(value, str) and value.strip():
                lines.append(value.strip())
    return "\n".join(lines)
