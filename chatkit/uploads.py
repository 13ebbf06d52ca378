"""Receiving attachment bytes: `PUT /api/attachments/<id>/upload` with the bearer token from
`attachments.create`.

An ASGI consumer rather than a Django view, because Django reads a whole request body before
a view runs; here the body is counted as it arrives and refused as soon as it is larger than
announced, so nobody can fill the disk by lying about a file's size.
"""

from __future__ import annotations

import json
from typing import Any

from channels.db import database_sync_to_async
from channels.exceptions import StopConsumer
from channels.generic.http import AsyncHttpConsumer

from chatkit.attachments import AttachmentError, attachment_for_upload, settings_for, store, to_json
from chatkit.models import Attachment
from chatkit.origins import is_own_origin


def _header(scope: dict[str, Any], name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return ""


@database_sync_to_async
def _authorize(attachment_id: str, token: str) -> tuple[Attachment, int]:
    attachment = attachment_for_upload(attachment_id, token)
    return attachment, settings_for(attachment.deployment).max_size


class UploadConsumer(AsyncHttpConsumer):
    attachment: Attachment | None = None
    received = 0
    refused = False

    async def http_request(self, message: dict[str, Any]) -> None:
        if self.refused:
            return
        try:
            if self.attachment is None:
                await self._start()
            body = message.get("body", b"")
            self.received += len(body)
            if self.received > min(self.attachment.size, self.max_size):
                raise AttachmentError(
                    "too_large",
                    f"The file is larger than the {self.attachment.size} bytes announced.",
                    413,
                )
            self.chunks.append(body)
            if not message.get("more_body"):
                stored = await database_sync_to_async(store)(self.attachment, b"".join(self.chunks))
                await self._respond(200, to_json(stored))
                raise StopConsumer()
        except AttachmentError as e:
            self.refused = True
            await self._respond(e.status, {"error": {"code": e.code, "message": e.message}})
            raise StopConsumer() from None

    async def _start(self) -> None:
        if self.scope["method"] != "PUT":
            raise AttachmentError("method_not_allowed", "Upload with PUT.", 405)
        origin = _header(self.scope, b"origin")
        if origin and not is_own_origin(
            origin, _header(self.scope, b"host"), self.scope.get("scheme") == "https"
        ):
            raise AttachmentError("forbidden", "Uploads come from the chat page only.", 403)
        authorization = _header(self.scope, b"authorization")
        if not authorization.startswith("Bearer "):
            raise AttachmentError(
                "unauthenticated", "Send the upload token as Authorization: Bearer.", 401
            )
        declared = _header(self.scope, b"content-length")
        attachment_id = self.scope["url_route"]["kwargs"]["attachment_id"]
        self.attachment, self.max_size = await _authorize(attachment_id, authorization[7:])
        if declared.isdigit() and int(declared) != self.attachment.size:
            raise AttachmentError(
                "invalid_request",
                f"Expected {self.attachment.size} bytes as announced, not {declared}.",
            )
        self.chunks: list[bytes] = []

    async def _respond(self, status: int, payload: dict[str, Any]) -> None:
        await self.send_response(
            status,
            json.dumps(payload).encode(),
            headers=[(b"Content-Type", b"application/json"), (b"Cache-Control", b"no-store")],
        )
