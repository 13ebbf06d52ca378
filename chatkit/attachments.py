"""Attachments: ChatKit's two-phase upload, checked against the deployment's limits.

1. `attachments.create {name, size, mime_type}` reserves an attachment and answers with an
   `upload_descriptor` (a PUT URL and a short-lived bearer token);
2. the chat page PUTs the bytes there (chatkit.uploads streams and checks them);
3. the attachment's id goes into the next user message, which claims it.

Files are served at capability URLs (`/files/<id>/<secret>/<name>`): unguessable, stable
(replayed events keep working), and gone when the attachment is deleted or erased.
"""

from __future__ import annotations

import fnmatch
import re
from datetime import timedelta
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.core import signing
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone

from chatkit.config import Features
from chatkit.models import Attachment, Deployment, new_id

UPLOAD_SALT = "chatkit.upload"
UPLOAD_TOKEN_TTL = 3600
# Reserved but never sent with a message: dropped after this long.
UNSENT_LIFETIME = timedelta(hours=24)
MAX_UNSENT = 20
# Shown inline in the chat; anything else (SVG included: it can carry scripts) downloads.
INLINE_IMAGES = {
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/gif": (b"GIF87a", b"GIF89a"),
    "image/webp": (b"RIFF",),
}
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\]+")


class AttachmentError(Exception):
    def __init__(self, code: str, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


def settings_for(deployment: Deployment):
    return Features.model_validate(deployment.features or {}).attachments


def accepts(mime_type: str, patterns: list[str]) -> bool:
    mime_type = mime_type.lower()
    return any(fnmatch.fnmatchcase(mime_type, pattern.lower()) for pattern in patterns)


def clean_name(name: str) -> str:
    name = _UNSAFE_NAME.sub("_", name).strip().strip(".") or "file"
    return name[-255:]


def reserve(
    deployment: Deployment, visitor: str, name: str, size: int, mime_type: str
) -> Attachment:
    limits = settings_for(deployment)
    if not limits.enabled:
        raise AttachmentError("invalid_request", "Attachments are not enabled for this chat.")
    if size <= 0:
        raise AttachmentError("invalid_request", "size: the file is empty.")
    if size > limits.max_size:
        raise AttachmentError("too_large", f"Files are limited to {_megabytes(limits.max_size)}.")
    if not accepts(mime_type, limits.accept):
        raise AttachmentError(
            "invalid_request", f"This chat accepts {', '.join(limits.accept)}; not {mime_type}."
        )
    # Files reserved a day ago and never sent (by anyone) go now; deleting rows one by one
    # through the ORM also removes their bytes.
    stale = timezone.now() - UNSENT_LIFETIME
    Attachment.objects.filter(deployment=deployment, message_id="", created_at__lt=stale).delete()
    unsent = Attachment.objects.filter(deployment=deployment, visitor=visitor, message_id="")
    if unsent.count() >= MAX_UNSENT:
        raise AttachmentError(
            "rate_limited", "Too many files waiting to be sent; send or remove some first."
        )
    return Attachment.objects.create(
        id=new_id("atc"),
        deployment=deployment,
        visitor=visitor,
        name=clean_name(name),
        mime_type=mime_type.lower(),
        size=size,
    )


def upload_token(attachment: Attachment) -> str:
    return signing.dumps({"a": attachment.id, "v": attachment.visitor}, salt=UPLOAD_SALT)


def attachment_for_upload(attachment_id: str, token: str) -> Attachment:
    try:
        claims = signing.loads(token, salt=UPLOAD_SALT, max_age=UPLOAD_TOKEN_TTL)
    except signing.BadSignature:
        raise AttachmentError("unauthenticated", "The upload token is not valid.", 401) from None
    attachment = Attachment.objects.filter(pk=attachment_id, visitor=claims.get("v")).first()
    if attachment is None or claims.get("a") != attachment_id:
        raise AttachmentError("not_found", "No such attachment.", 404)
    if attachment.uploaded_at is not None:
        raise AttachmentError("invalid_request", "This file was uploaded already.", 409)
    return attachment


def store(attachment: Attachment, data: bytes) -> Attachment:
    if len(data) != attachment.size:
        raise AttachmentError(
            "invalid_request",
            f"Expected {attachment.size} bytes as announced, received {len(data)}.",
        )
    signatures = INLINE_IMAGES.get(attachment.mime_type)
    if signatures and not any(data.startswith(signature) for signature in signatures):
        raise AttachmentError(
            "invalid_request", f"The file is not a {attachment.mime_type} image.", 415
        )
    attachment.file.save(attachment.name, ContentFile(data), save=False)
    attachment.uploaded_at = timezone.now()
    attachment.save(update_fields=["file", "uploaded_at"])
    return attachment


def claim(
    deployment: Deployment, visitor: str, ids: list[str], message_id: str
) -> list[dict[str, Any]]:
    """Attach uploaded files to a message (atomically: all of them or none)."""
    if not ids:
        return []
    limits = settings_for(deployment)
    if not limits.enabled:
        raise AttachmentError(
            "invalid_request", "input.attachments: attachments are not enabled for this chat."
        )
    if len(set(ids)) > limits.max_count:
        raise AttachmentError(
            "invalid_request", f"input.attachments: at most {limits.max_count} files per message."
        )
    with transaction.atomic():
        rows = {
            row.id: row
            for row in Attachment.objects.select_for_update().filter(
                pk__in=ids,
                deployment=deployment,
                visitor=visitor,
                message_id="",
                uploaded_at__isnull=False,
            )
        }
        missing = [attachment_id for attachment_id in ids if attachment_id not in rows]
        if missing:
            raise AttachmentError(
                "invalid_request",
                f"input.attachments: {missing[0]} is not an uploaded file of yours.",
            )
        Attachment.objects.filter(pk__in=rows).update(message_id=message_id)
    return [to_json(rows[attachment_id]) for attachment_id in dict.fromkeys(ids)]


def release(message_id: str) -> None:
    """Undo a claim whose message was refused after all."""
    Attachment.objects.filter(message_id=message_id).update(message_id="", thread=None)


def link_to_thread(message_id: str, thread_id: str) -> None:
    Attachment.objects.filter(message_id=message_id).update(thread_id=thread_id)


def remove(deployment: Deployment, visitor: str, attachment_id: str) -> None:
    attachment = Attachment.objects.filter(
        pk=attachment_id, deployment=deployment, visitor=visitor
    ).first()
    if attachment is None:
        raise AttachmentError("not_found", "No such attachment.", 404)
    if attachment.message_id:
        raise AttachmentError("invalid_request", "A file sent with a message stays with it.")
    attachment.delete()


def file_url(attachment: Attachment) -> str:
    return f"{settings.CHATKIT_PUBLIC_URL}/files/{attachment.id}/{attachment.secret}/{quote(attachment.name)}"


def to_json(attachment: Attachment, upload_url: str | None = None) -> dict[str, Any]:
    """ChatKit's Attachment shape, plus `size` and `url`."""
    data: dict[str, Any] = {
        "type": "image" if attachment.mime_type in INLINE_IMAGES else "file",
        "id": attachment.id,
        "name": attachment.name,
        "mime_type": attachment.mime_type,
        "size": attachment.size,
    }
    if attachment.uploaded_at:
        data["url"] = file_url(attachment)
        if data["type"] == "image":
            data["preview_url"] = data["url"]
    elif upload_url:
        data["upload_descriptor"] = {
            "url": upload_url,
            "method": "PUT",
            "headers": {"Authorization": f"Bearer {upload_token(attachment)}"},
        }
    if attachment.thread_id:
        data["thread_id"] = attachment.thread_id
    return data


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size // 1024} KB"


@receiver(post_delete, sender=Attachment)
def delete_file(sender: type, instance: Attachment, **kwargs: Any) -> None:
    # Rows go with their thread (cascade) or an erase; their bytes must go too.
    if instance.file:
        instance.file.delete(save=False)
