"""Content-Security-Policy headers for the pages we serve."""

from __future__ import annotations

from django.http import HttpRequest

# The demo page behaves like a strict third-party site: the loader must work under this.
DEMO_PAGE_TEMPLATE = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' {chat}",
        "style-src 'self'",
        "img-src 'self' data:",
        "frame-src {chat}",
        "connect-src 'self'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)


def demo_page(chat_origin: str) -> str:
    return DEMO_PAGE_TEMPLATE.format(chat=chat_origin)


def frame_ancestors(allowed_origins: list[str]) -> str:
    # 'self' lets this server's own pages (studio "try in chat", the admin's theme preview)
    # frame the chat; every other site must be listed.
    return " ".join(["'self'", *allowed_origins])


def chat_page(request: HttpRequest, allowed_origins: list[str]) -> str:
    """The iframe page: only our own scripts, our own websocket, and the allowed embedders."""
    host = request.get_host()
    websocket = f"{'wss' if request.is_secure() else 'ws'}://{host}"
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' https: http: data:",
            f"connect-src 'self' {websocket}",
            "font-src 'self' data:",
            "base-uri 'none'",
            "form-action 'none'",
            "object-src 'none'",
            f"frame-ancestors {frame_ancestors(allowed_origins)}",
        ]
    )
