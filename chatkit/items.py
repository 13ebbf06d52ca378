"""Applying ChatKit item updates to item JSON: what a streamed event does to stored state.

The runner uses this to keep each streaming item's row equal to the sum of its events, so
a reload, a resume or another server process always sees exactly what was streamed.
"""

from __future__ import annotations

import copy
from typing import Any


class UpdateError(ValueError):
    pass


def _find_component(node: Any, component_id: str) -> dict | None:
    if isinstance(node, dict):
        if node.get("id") == component_id:
            return node
        for child in node.get("children") or []:
            found = _find_component(child, component_id)
            if found is not None:
                return found
    return None


def apply_update(item: dict[str, Any], update: dict[str, Any]) -> dict[str, Any]:
    """Return the item after one `thread.item.updated` update (the input is not changed)."""
    kind = update["type"]
    item = copy.deepcopy(item)
    if kind.startswith("assistant_message."):
        if item.get("type") != "assistant_message":
            raise UpdateError(f"{kind} applies to assistant messages, not {item.get('type')}")
        content = item.setdefault("content", [])
        index = update["content_index"]
        if kind == "assistant_message.content_part.added":
            if index != len(content):
                raise UpdateError(f"content part {index} added out of order")
            content.append(update["content"])
        elif index >= len(content):
            raise UpdateError(f"no content part {index}")
        elif kind == "assistant_message.content_part.text_delta":
            content[index]["text"] += update["delta"]
        elif kind == "assistant_message.content_part.done":
            content[index] = update["content"]
        elif kind == "assistant_message.content_part.annotation_added":
            content[index].setdefault("annotations", []).append(update["annotation"])
        return item
    if kind.startswith("widget."):
        if item.get("type") != "widget":
            raise UpdateError(f"{kind} applies to widgets, not {item.get('type')}")
        if kind == "widget.root.updated":
            item["widget"] = update["widget"]
            return item
        component = _find_component(item["widget"], update["component_id"])
        if component is None:
            raise UpdateError(f"the widget has no component with id {update['component_id']!r}")
        if kind == "widget.streaming_text.value_delta":
            component["value"] = str(component.get("value", "")) + update["delta"]
            component["streaming"] = not update["done"]
        elif kind == "widget.component.updated":
            component.clear()
            component.update(update["component"])
        return item
    raise UpdateError(f"unsupported update {kind}")


def text_of(item: dict[str, Any]) -> str:
    """The plain text a person would copy from an item."""
    if item.get("type") == "assistant_message":
        return "".join(part.get("text", "") for part in item.get("content", []))
    if item.get("type") == "user_message":
        return "".join(part.get("text", "") for part in item.get("content", []))
    if item.get("type") == "widget":
        return item.get("copy_text") or ""
    return ""
