"""Origins: parsing, the deployment allow-list (with wildcard subdomains), and our own origin."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.http.request import split_domain_port, validate_host

DEFAULT_PORTS = {"http": 80, "https": 443}
_HOST = re.compile(
    r"^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$"
)
_IPV4 = re.compile(r"^\d{1,3}(\.\d{1,3}){3}$")


class InvalidOrigin(ValueError):
    pass


def normalize_origin(value: str, allow_wildcard: bool = False) -> str:
    """`scheme://host[:port]`, lower-case, default port dropped; raise InvalidOrigin otherwise."""
    value = value.strip()
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        raise InvalidOrigin(f"{value!r} is not an origin (expected https://host[:port])") from None
    if parts.scheme not in DEFAULT_PORTS:
        raise InvalidOrigin(f"{value!r}: the scheme must be http or https")
    if (
        parts.path not in ("", "/")
        or parts.query
        or parts.fragment
        or parts.username
        or parts.password
    ):
        raise InvalidOrigin(f"{value!r}: an origin has no path, query or credentials")
    host = (parts.hostname or "").lower()
    if not host:
        raise InvalidOrigin(f"{value!r} has no host")
    if host.startswith("*.") and not allow_wildcard:
        raise InvalidOrigin(f"{value!r}: wildcards are not allowed here")
    if not (_HOST.match(host) or _IPV4.match(host)):
        raise InvalidOrigin(f"{value!r}: {host!r} is not a valid host name")
    if host.startswith("*.") and host.count(".") < 2:
        raise InvalidOrigin(
            f"{value!r}: a wildcard needs a domain below it, like https://*.example.com"
        )
    origin = f"{parts.scheme}://{host}"
    if port is not None and port != DEFAULT_PORTS[parts.scheme]:
        origin += f":{port}"
    return origin


def origin_allowed(origin: str | None, allowed: list[str]) -> bool:
    """Does `origin` match the allow-list? `https://*.example.com` matches subdomains only."""
    if not origin:
        return False
    try:
        origin = normalize_origin(origin)
    except InvalidOrigin:
        return False
    scheme, _, hostport = origin.partition("://")
    for entry in allowed:
        if entry == origin:
            return True
        entry_scheme, _, entry_hostport = entry.partition("://")
        if entry_scheme == scheme and entry_hostport.startswith("*."):
            suffix = entry_hostport[1:]
            if hostport.endswith(suffix) and len(hostport) > len(suffix):
                return True
    return False


def is_own_origin(origin: str | None, host: str | None, secure: bool) -> bool:
    """Is `origin` this server, as configured or as addressed by the (validated) Host header?"""
    if not origin:
        return False
    try:
        origin = normalize_origin(origin)
    except InvalidOrigin:
        return False
    if origin == settings.CHATKIT_PUBLIC_ORIGIN:
        return True
    if not host:
        return False
    domain, _port = split_domain_port(host)
    if not domain or not validate_host(domain, settings.ALLOWED_HOSTS):
        return False
    try:
        return origin == normalize_origin(f"{'https' if secure else 'http'}://{host}")
    except InvalidOrigin:
        return False
