"""Session tokens for the chat page, visitor identities and verified-user JWTs (SPEC §6)."""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime

import jwt
from django.conf import settings
from django.core import signing

from chatkit.keys import derive_secret_key
from chatkit.models import Deployment

SESSION_SALT = "chatkit.session"
VISITOR_SALT = "chatkit.visitor"
MAX_USER_TOKEN_LIFETIME = 24 * 3600
CLOCK_LEEWAY = 60


class SessionError(Exception):
    """Why a token was refused; `code` is stable, `message` is for people."""

    def __init__(self, code: str, message: str, status: int = 401) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


@dataclass(frozen=True)
class Visitor:
    """Who is chatting: "anon:<id>" or "user:<sub>", plus what a verified site told us."""

    key: str
    name: str = ""
    email: str = ""

    @property
    def is_verified(self) -> bool:
        return self.key.startswith("user:")

    def public_dict(self) -> dict:
        """What the chat page may know: a stable opaque id, not the raw key."""
        digest = hashlib.sha256(self.key.encode()).hexdigest()[:16]
        return {"id": digest, "verified": self.is_verified, "name": self.name}


@dataclass(frozen=True)
class Session:
    deployment_id: int
    key_version: int
    visitor: Visitor
    expires_at: float


def mint_session(deployment: Deployment, visitor: Visitor) -> tuple[str, float]:
    expires_at = time.time() + settings.CHATKIT_SESSION_TTL
    payload = {
        "d": deployment.pk,
        "k": deployment.key_version,
        "v": visitor.key,
        "n": visitor.name,
        "e": visitor.email,
        "x": int(expires_at),
    }
    return signing.dumps(payload, salt=SESSION_SALT, compress=True), expires_at


def read_session(token: str) -> Session:
    """Check the signature and expiry; the caller still checks the deployment and key version."""
    try:
        payload = signing.loads(token, salt=SESSION_SALT)
    except signing.BadSignature:
        raise SessionError("invalid_token", "The session token is not valid.") from None
    if not isinstance(payload, dict) or not {"d", "k", "v", "x"} <= payload.keys():
        raise SessionError("invalid_token", "The session token is not valid.")
    if payload["x"] < time.time():
        raise SessionError("token_expired", "The session token has expired.")
    visitor = Visitor(payload["v"], payload.get("n", ""), payload.get("e", ""))
    return Session(payload["d"], payload["k"], visitor, float(payload["x"]))


def check_deployment(deployment: Deployment | None, session: Session | None = None) -> Deployment:
    if deployment is None:
        raise SessionError("deployment_not_found", "No such deployment.", 404)
    if not deployment.is_active:
        raise SessionError("deployment_disabled", "This chat is currently disabled.", 403)
    if session is not None and session.key_version != deployment.key_version:
        raise SessionError("token_revoked", "The session token was revoked by a key rotation.")
    return deployment


def new_anonymous_visitor(deployment: Deployment) -> tuple[Visitor, str]:
    """A fresh anonymous visitor and the signed token the iframe keeps to come back as them."""
    anon_id = secrets.token_urlsafe(16)
    token = signing.dumps({"d": deployment.pk, "a": anon_id}, salt=VISITOR_SALT)
    return Visitor(f"anon:{anon_id}"), token


def read_visitor_token(deployment: Deployment, token: str) -> Visitor | None:
    """The anonymous visitor a stored token names, or None when it is not ours."""
    try:
        payload = signing.loads(token, salt=VISITOR_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or payload.get("d") != deployment.pk or "a" not in payload:
        return None
    return Visitor(f"anon:{payload['a']}")


def read_user_token(deployment: Deployment, token: str) -> Visitor:
    """Verify a site's JWT (HS256, signed with the deployment's secret key)."""
    try:
        claims = jwt.decode(
            token,
            derive_secret_key(deployment),
            algorithms=["HS256"],
            options={"require": ["sub", "exp"]},
            leeway=CLOCK_LEEWAY,
        )
    except jwt.ExpiredSignatureError:
        raise SessionError("user_token_expired", "The user token has expired.") from None
    except jwt.MissingRequiredClaimError as e:
        raise SessionError(
            "invalid_user_token", f"The user token lacks the {e.claim!r} claim."
        ) from None
    except jwt.InvalidTokenError:
        raise SessionError(
            "invalid_user_token", "The user token is not signed with this deployment's secret key."
        ) from None
    sub = claims["sub"]
    if not isinstance(sub, str) or not 0 < len(sub) <= 190:
        raise SessionError(
            "invalid_user_token", "The user token's 'sub' must be a non-empty string."
        )
    if claims["exp"] > time.time() + MAX_USER_TOKEN_LIFETIME + CLOCK_LEEWAY:
        raise SessionError("invalid_user_token", "The user token must expire within 24 hours.")
    name = claims.get("name") if isinstance(claims.get("name"), str) else ""
    email = claims.get("email") if isinstance(claims.get("email"), str) else ""
    return Visitor(f"user:{sub}", name[:200], email[:254])


def expiry_iso(expires_at: float) -> str:
    return datetime.fromtimestamp(expires_at, tz=UTC).isoformat().replace("+00:00", "Z")
