"""Client addresses behind a reverse proxy: `X-Forwarded-For` is believed only from the
proxies named in CHATKIT_TRUSTED_PROXIES (addresses or networks), never from anyone else.

Daphne's own `--proxy-headers` believes the header from every peer, so a visitor could pick
any address (and with it a fresh per-address rate limit). This ASGI middleware replaces it:
the client is the right-most forwarded address that is not itself a trusted proxy.
"""

from __future__ import annotations

from ipaddress import IPv4Network, IPv6Network, ip_address, ip_network
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

Network = IPv4Network | IPv6Network


def parse_networks(values: list[str]) -> list[Network]:
    networks = []
    for value in values:
        try:
            networks.append(ip_network(value, strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"CHATKIT_TRUSTED_PROXIES: {value!r} is not an IP address or network"
            ) from None
    return networks


def _is_in(address: str, networks: list[Network]) -> bool:
    try:
        parsed = ip_address(address)
    except ValueError:
        return False
    return any(parsed in network for network in networks)


def forwarded_client(peer: str, header: str, trusted: list[Network]) -> str:
    """The client address a request from `peer` carrying `X-Forwarded-For: header` came from."""
    if not _is_in(peer, trusted):
        return peer
    hops = [hop.strip() for hop in header.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _is_in(hop, trusted):
            return hop if _is_valid(hop) else peer
    return hops[0] if hops and _is_valid(hops[0]) else peer


def _is_valid(address: str) -> bool:
    try:
        ip_address(address)
    except ValueError:
        return False
    return True


def _header(scope: dict[str, Any], name: bytes) -> str:
    values = [value.decode("latin-1") for key, value in scope.get("headers", []) if key == name]
    return ",".join(values)


class TrustedProxiesMiddleware:
    def __init__(self, app: Any) -> None:
        self.app = app
        self.trusted = parse_networks(settings.CHATKIT_TRUSTED_PROXIES)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        client = scope.get("client")
        if scope["type"] in ("http", "websocket") and client and _is_in(client[0], self.trusted):
            scope = self._as_forwarded(scope, client[0])
        await self.app(scope, receive, send)

    def _as_forwarded(self, scope: dict[str, Any], peer: str) -> dict[str, Any]:
        address = forwarded_client(peer, _header(scope, b"x-forwarded-for"), self.trusted)
        scope = {**scope, "client": (address, 0)}
        proto = _header(scope, b"x-forwarded-proto").split(",")[-1].strip().lower()
        if proto in ("http", "https"):
            secure = proto == "https"
            if scope["type"] == "websocket":
                scope["scheme"] = "wss" if secure else "ws"
            else:
                scope["scheme"] = proto
        return scope
