"""What the server observes for the health dashboard and the installation check:
which sites embed a chat (and which were refused) and which connections are live."""

from __future__ import annotations

from datetime import timedelta

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from chatkit.models import EmbedOrigin, LiveConnection

# One write per site and minute is plenty for "seen recently" and keeps hot pages cheap.
ORIGIN_WRITE_INTERVAL = 60
LIVE_TIMEOUT = 90


def note_origin(deployment_id: int, origin: str, allowed: bool) -> None:
    status = EmbedOrigin.Status.ALLOWED if allowed else EmbedOrigin.Status.REFUSED
    origin = origin[:300]
    if not cache.add(f"origin-seen:{deployment_id}:{status}:{origin}", 1, ORIGIN_WRITE_INTERVAL):
        return
    now = timezone.now()
    rows = EmbedOrigin.objects.filter(deployment_id=deployment_id, origin=origin, status=status)
    if rows.update(last_seen=now, hits=F("hits") + 1):
        return
    try:
        with transaction.atomic():
            EmbedOrigin.objects.create(deployment_id=deployment_id, origin=origin, status=status)
    except IntegrityError:
        rows.update(last_seen=now, hits=F("hits") + 1)


def connection_opened(channel_name: str, deployment_id: int, visitor: str) -> None:
    LiveConnection.objects.update_or_create(
        channel_name=channel_name,
        defaults={"deployment_id": deployment_id, "visitor": visitor, "last_seen": timezone.now()},
    )


def connection_seen(channel_name: str) -> None:
    LiveConnection.objects.filter(channel_name=channel_name).update(last_seen=timezone.now())


def connection_closed(channel_name: str) -> None:
    LiveConnection.objects.filter(channel_name=channel_name).delete()


def live_connections(deployment_id: int) -> int:
    cutoff = timezone.now() - timedelta(seconds=LIVE_TIMEOUT)
    return LiveConnection.objects.filter(deployment_id=deployment_id, last_seen__gte=cutoff).count()
