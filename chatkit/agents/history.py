"""Turning stored ChatKit items into the message list a language model reads."""

from __future__ import annotations

import json
from typing import Any


def item_to_message(item: dict[str, Any]) -> dict[str, str] | None:
    kind = item.get("type")
    if kind == "user_message":
        text = "".join(part.get("text", "") for part in item.get("content", []))
        if item.get("quoted_text"):
            text = f"> {item['quoted_text']}\n\n{text}"
        return {"role": "user", "content": text}
    if kind == "assistant_message":
        text = "".join(part.get("text", "") for part in item.get("content", []))
        return {"role": "assistant", "content": text} if text else None
    if kind == "widget":
        widget = json.dumps(item.get("widget"), separators=(",", ":"))
        return {
            "role": "assistant",
            "content": f"The following graphical UI widget (id: {item['id']}) was displayed to the user: {widget}",
        }
    if kind == "hidden_context_item":
        content = item.get("content")
        return {
            "role": "system",
            "content": content if isinstance(content, str) else json.dumps(content),
        }
    return None


def to_messages(
    items: list[dict[str, Any]], system_prompt: str = "", limit: int = 40
) -> list[dict[str, str]]:
    messages = [m for m in (item_to_message(item) for item in items) if m is not None][-limit:]
    if system_prompt:
        messages.insert(0, {"role": "system", "content": system_prompt})
    return messages
