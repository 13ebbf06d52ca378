"""Deployment keys.

The secret key (`sk_...`) signs visitor JWTs with HS256, so the server must be able to
recompute it; instead of storing it, it is derived from SECRET_KEY and a random nonce.
The database holds the nonce and a hash: a leaked database alone reveals no secret.
Changing SECRET_KEY changes every secret key (rotate them and update the sites).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from typing import TYPE_CHECKING

from django.utils.crypto import salted_hmac

if TYPE_CHECKING:
    from chatkit.models import Deployment


def derive_secret_key(deployment: Deployment) -> str:
    digest = salted_hmac(
        "chatkit.deployment-secret",
        f"{deployment.public_key}:{deployment.secret_nonce}",
        algorithm="sha256",
    ).digest()
    return "sk_" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def hash_secret_key(secret_key: str) -> str:
    return hashlib.sha256(secret_key.encode()).hexdigest()


def issue_keys(deployment: Deployment) -> str:
    """Give the deployment a fresh secret key and return it (the only time it is shown).

    Bumping `key_version` revokes every session token minted before.
    """
    deployment.secret_nonce = secrets.token_urlsafe(24)
    if deployment.secret_key_hash:
        deployment.key_version += 1
    secret_key = derive_secret_key(deployment)
    deployment.secret_key_hash = hash_secret_key(secret_key)
    return secret_key


def check_secret_key(deployment: Deployment, secret_key: str) -> bool:
    return bool(deployment.secret_key_hash) and hmac.compare_digest(
        deployment.secret_key_hash, hash_secret_key(secret_key)
    )
