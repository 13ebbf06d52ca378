"""HTTP views: the demo page, the loader, the chat page in the iframe, sessions, health."""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any
from urllib.parse import urlsplit

from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import connection
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.crypto import constant_time_compare
from django.views.decorators.cache import cache_control
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from chatkit import csp, observed, ratelimit
from chatkit.assets import asset_version, read_static
from chatkit.attachments import INLINE_IMAGES
from chatkit.config import RateLimits
from chatkit.models import Attachment, Deployment
from chatkit.origins import InvalidOrigin, is_own_origin, normalize_origin, origin_allowed
from chatkit.sessions import (
    SessionError,
    check_deployment,
    expiry_iso,
    mint_session,
    new_anonymous_visitor,
    read_user_token,
    read_visitor_token,
)

MAX_SESSION_BODY = 16 * 1024


def error(status: int, code: str, message: str, **extra: Any) -> JsonResponse:
    return JsonResponse({"error": {"code": code, "message": message, **extra}}, status=status)


@require_GET
def demo(request: HttpRequest) -> HttpResponse:
    response = render(
        request, "chatkit/demo.html", {"chat_origin": f"{request.scheme}://{request.get_host()}"}
    )
    response["Content-Security-Policy"] = csp.demo_page(settings.CHATKIT_PUBLIC_ORIGIN)
    return response


@require_GET
@cache_control(public=True, max_age=300)
def embed_js(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        read_static("chat/embed.js"), content_type="text/javascript; charset=utf-8"
    )
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


@require_GET
@xframe_options_exempt
def embed_page(request: HttpRequest, public_key: str) -> HttpResponse:
    deployment = Deployment.objects.filter(public_key=public_key, is_active=True).first()
    if deployment is None:
        raise Http404("No such chat.")
    context = {
        "deployment": deployment,
        "client_config": deployment.client_config(),
        "asset_version": asset_version(),
    }
    _note_embedder(request, deployment)
    response = render(request, "chatkit/embed.html", context)
    response["Content-Security-Policy"] = csp.chat_page(request, deployment.allowed_origins)
    response["Cache-Control"] = "no-store"
    return response


def _note_embedder(request: HttpRequest, deployment: Deployment) -> None:
    """Record the site framing the chat, from the Referer the browser sends with the iframe.

    A refused site is seen here too: the browser fetches the page and then refuses to show it.
    """
    referer = request.headers.get("Referer")
    if not referer:
        return
    parts = urlsplit(referer)
    try:
        origin = normalize_origin(f"{parts.scheme}://{parts.netloc}")
    except InvalidOrigin:
        return
    if is_own_origin(origin, request.get_host(), request.is_secure()):
        return
    observed.note_origin(deployment.pk, origin, origin_allowed(origin, deployment.allowed_origins))


class SessionRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    deployment: str = Field(min_length=1, max_length=64)
    user_token: str | None = Field(default=None, max_length=4096)
    visitor_token: str | None = Field(default=None, max_length=1024)


def client_ip(request: HttpRequest) -> str:
    # Behind trusted proxies, chatkit.proxies has put the forwarded address here.
    return request.META.get("REMOTE_ADDR") or "unknown"


def _cors(response: HttpResponse, origin: str | None) -> HttpResponse:
    if origin:
        response["Access-Control-Allow-Origin"] = origin
        response["Access-Control-Allow-Methods"] = "POST, OPTIONS"
        response["Access-Control-Allow-Headers"] = "Content-Type"
        response["Access-Control-Max-Age"] = "600"
        response["Vary"] = "Origin"
    return response


@csrf_exempt
def sessions(request: HttpRequest) -> HttpResponse:
    """Mint a session token for the chat page (or a host page on an allowed origin)."""
    origin = request.headers.get("Origin")
    own = is_own_origin(origin, request.get_host(), request.is_secure())
    if request.method == "OPTIONS":
        return _cors(HttpResponse(status=204), origin)
    if request.method != "POST":
        return error(405, "method_not_allowed", "Use POST.")
    if len(request.body) > MAX_SESSION_BODY:
        return error(413, "too_large", f"The body is limited to {MAX_SESSION_BODY // 1024} KiB.")
    try:
        body = SessionRequest.model_validate(json.loads(request.body or b"null"))
    except ValueError as e:
        if isinstance(e, ValidationError):
            first = e.errors()[0]
            field = ".".join(str(part) for part in first["loc"]) or "body"
            return error(400, "invalid_request", f"{field}: {first['msg']}", field=field)
        return error(400, "invalid_json", "The body must be a JSON object.")
    deployment = Deployment.objects.filter(public_key=body.deployment).first()
    try:
        check_deployment(deployment)
        limits = RateLimits.model_validate(deployment.rate_limits or {})
        ratelimit.hit(
            "sessions", f"{deployment.pk}:{client_ip(request)}", limits.sessions_per_minute
        )
        if not own and not origin_allowed(origin, deployment.allowed_origins):
            if origin:
                observed.note_origin(deployment.pk, origin, allowed=False)
            raise SessionError(
                "origin_not_allowed", f"The origin {origin or '(none)'} may not use this chat.", 403
            )
        if body.user_token:
            visitor, visitor_token = read_user_token(deployment, body.user_token), None
        else:
            visitor = (
                read_visitor_token(deployment, body.visitor_token) if body.visitor_token else None
            )
            visitor_token = body.visitor_token
            if visitor is None:
                visitor, visitor_token = new_anonymous_visitor(deployment)
    except SessionError as e:
        return _cors(error(e.status, e.code, e.message), origin if own else None)
    except ratelimit.Limited as e:
        response = error(
            429,
            "rate_limited",
            f"Too many new sessions; try again in {e.retry_after} s.",
            retry_after=e.retry_after,
        )
        response["Retry-After"] = str(e.retry_after)
        return _cors(response, origin)
    token, expires_at = mint_session(deployment, visitor)
    scheme = "wss" if request.is_secure() else "ws"
    payload = {
        "token": token,
        "expires_at": expiry_iso(expires_at),
        "expires_in": settings.CHATKIT_SESSION_TTL,
        "websocket_url": f"{scheme}://{request.get_host()}/ws/chat/",
        "config": deployment.client_config(),
        "visitor": visitor.public_dict(),
    }
    if visitor_token:
        payload["visitor_token"] = visitor_token
    response = JsonResponse(payload)
    response["Cache-Control"] = "no-store"
    return _cors(response, origin)


async def healthz(request: HttpRequest) -> HttpResponse:
    checks = {"database": "ok", "channel_layer": "ok"}
    try:
        await sync_to_async(_ping_database)()
    except Exception as e:
        checks["database"] = f"error: {type(e).__name__}"
    try:
        layer = get_channel_layer()
        channel = await layer.new_channel("healthz.")
        marker = uuid.uuid4().hex
        await layer.send(channel, {"type": "healthz", "marker": marker})
        message = await asyncio.wait_for(layer.receive(channel), timeout=2)
        if message.get("marker") != marker:
            raise RuntimeError("wrong message")
    except Exception as e:
        checks["channel_layer"] = f"error: {type(e).__name__}"
    ok = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if ok else "error", "checks": checks}, status=200 if ok else 503
    )


def _ping_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


@require_GET
def attachment_file(
    request: HttpRequest, attachment_id: str, secret: str, name: str
) -> HttpResponse:
    """A visitor's file at its capability URL. Only real images show inline; everything else
    downloads, sandboxed, so an uploaded HTML or SVG file can never run on our origin."""
    attachment = Attachment.objects.filter(pk=attachment_id, uploaded_at__isnull=False).first()
    if attachment is None or not constant_time_compare(attachment.secret, secret):
        raise Http404("No such file.")
    inline = attachment.mime_type in INLINE_IMAGES
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=not inline,
        filename=attachment.name,
        content_type=attachment.mime_type if inline else "application/octet-stream",
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=86400"
    return response
