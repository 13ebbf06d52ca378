"""HTTP plumbing of the studio: staff-only JSON endpoints, validated bodies, the page CSP."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.http import HttpRequest, HttpResponse, JsonResponse
from pydantic import BaseModel, ValidationError

from studio.flows import StudioError

MAX_BODY_BYTES = 2 * 1024 * 1024

Body = TypeVar("Body", bound=BaseModel)
View = Callable[..., HttpResponse]

# The studio's pages run only their own files. The editor (CodeMirror) writes its styles
# into a <style> element, allowed by the page's nonce; no style attribute is allowed.
# Widgets may show images from anywhere, and "Try in chat" frames this server's own chat.
PAGE_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'nonce-{nonce}'",
        "img-src 'self' https: http: data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "object-src 'none'",
        "frame-ancestors 'none'",
    ]
)


def style_nonce() -> str:
    """A fresh nonce for one page's editor styles."""
    return secrets.token_urlsafe(18)


def with_page_csp(response: HttpResponse, nonce: str) -> HttpResponse:
    response["Content-Security-Policy"] = PAGE_CSP.format(nonce=nonce)
    response["Cache-Control"] = "no-store"
    return response


def error_response(error: StudioError) -> JsonResponse:
    body: dict[str, Any] = {"code": error.code, "message": error.message, **error.details}
    if error.problems:
        body["problems"] = [problem.as_json() for problem in error.problems]
    return JsonResponse({"error": body}, status=error.status)


def staff_api(*methods: str) -> Callable[[View], View]:
    """A JSON endpoint for staff only, answering `methods`; `StudioError` becomes its JSON.

    CSRF is the middleware's: every method but GET needs the token.
    """

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                user = request.user
                if not (user.is_authenticated and user.is_active and user.is_staff):
                    raise StudioError(
                        403, "forbidden", "The widget studio is for staff: sign in at /admin/."
                    )
                if request.method not in methods:
                    raise StudioError(405, "method_not_allowed", f"Use {' or '.join(methods)}.")
                response = view(request, *args, **kwargs)
            except StudioError as error:
                response = error_response(error)
            response["Cache-Control"] = "no-store"
            return response

        return wrapper

    return decorate


def read_body(request: HttpRequest, model: type[Body]) -> Body:
    """The request's JSON body as `model`; a clear `StudioError` for anything else."""
    declared = request.headers.get("Content-Length") or "0"
    if not declared.isdigit() or int(declared) > MAX_BODY_BYTES:
        raise StudioError(
            413, "too_large", f"The body is limited to {MAX_BODY_BYTES // 1_048_576} MiB."
        )
    if request.content_type != "application/json":
        raise StudioError(
            415, "unsupported_media_type", "Send JSON (Content-Type: application/json)."
        )
    try:
        document = json.loads(request.body)
    except (ValueError, RecursionError):
        raise StudioError(400, "invalid_json", "The body is not valid JSON.") from None
    try:
        return model.model_validate(document)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "body"
        raise StudioError(400, "invalid_request", f"{where}: {first['msg']}") from None
