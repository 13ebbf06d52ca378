"""Turning stored ChatKit items into the message list a language model reads.

Runs in a worker thread: attached files are read from storage (images go to the model as
data URLs, text files inline, anything else as a note saying what was attached).
"""

from __future__ import annotations

import base64
import json
from typing import Any

from chatkit.models import Attachment

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_TEXT_CHARS = 20_000


def attachment_parts(files: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = {
        row.id: row
        for row in Attachment.objects.filter(
            pk__in=[f["id"] for f in files], uploaded_at__isnull=False
        )
    }
    parts: list[dict[str, Any]] = []
    for described in files:
        row = rows.get(described["id"])
        if row is None:
            continue
        note = f"[attached file: {row.name}, {row.mime_type}, {row.size} bytes]"
        if described.get("type") == "image" and row.size <= MAX_IMAGE_BYTES:
            with row.file.open("rb") as handle:
                encoded = base64.b64encode(handle.read()).decode()
            parts.append(
                {
                    "type": "image_url",
                    "image_url": {"url": f"data:{row.mime_type};base64,{encoded}"},
                }
            )
        elif row.mime_type.startswith("text/"):
            with row.file.open("rb") as handle:
                text = handle.read(MAX_TEXT_CHARS * 4).decode("utf-8", "replace")[:MAX_TEXT_CHARS]
            parts.append({"type": "text", "text": f"{note}\n{text}"})
        else:
            parts.append({"type": "text", "text": note})
    return parts


def item_to_message(item: dict[str, Any]) -> dict[str, Any] | None:
    kind = item.get("type")
    if kind == "user_message":
        text = "".join(part.get("text", "") for part in item.get("content", []))
        if item.get("quoted_text"):
            text = f"> {item['quoted_text']}\n\n{text}"
        if item.get("attachments"):
            return {
                "role": "user",
                "content": [{"type": "text", "text": text}, *attachment_parts(item["attachments"])],
            }
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
