"""What can be done to a deployment, shared by the admin and the management commands."""

from __future__ import annotations

from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from chatkit.agents.config import validate_agent_config
from chatkit.keys import issue_keys
from chatkit.models import Deployment
from chatkit.origins import InvalidOrigin, normalize_origin


class DeploymentError(ValueError):
    pass


def clean_origins(origins: list[str]) -> list[str]:
    """Normalised, de-duplicated origins; DeploymentError names the first bad one."""
    cleaned: list[str] = []
    for origin in origins:
        try:
            value = normalize_origin(origin, allow_wildcard=True)
        except InvalidOrigin as e:
            raise DeploymentError(str(e)) from None
        if value not in cleaned:
            cleaned.append(value)
    return cleaned


def create_deployment(
    name: str, origins: list[str], agent: str = "demo", agent_config: dict[str, Any] | None = None
) -> tuple[Deployment, str]:
    """A new deployment and its secret key (shown this once)."""
    if not name.strip() or len(name) > 100:
        raise DeploymentError("the name must be 1 to 100 characters")
    try:
        config = validate_agent_config(agent, agent_config or {})
    except ValueError as e:
        raise DeploymentError(f"agent settings: {e}") from None
    deployment = Deployment(
        name=name.strip(), allowed_origins=clean_origins(origins), agent=agent, agent_config=config
    )
    secret_key = issue_keys(deployment)
    deployment.save()
    return deployment, secret_key


def rotate_keys(deployment: Deployment) -> str:
    """A new secret key; every session minted before is refused from now on."""
    with transaction.atomic():
        secret_key = issue_keys(deployment)
        deployment.save(
            update_fields=["secret_nonce", "secret_key_hash", "key_version", "updated_at"]
        )
    revoke_sessions(deployment, "The chat's keys were rotated; reconnecting.")
    return secret_key


def set_active(deployment: Deployment, active: bool) -> None:
    deployment.is_active = active
    deployment.save(update_fields=["is_active", "updated_at"])
    if not active:
        revoke_sessions(deployment, "This chat was disabled.")


def revoke_sessions(deployment: Deployment, message: str) -> None:
    """Close open chat connections of the deployment in every server process the channel
    layer reaches (all of them with Redis; connections also re-check on their next request)."""
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(
            f"deployment.{deployment.pk}",
            {"type": "session.revoked", "deployment_id": deployment.pk, "message": message},
        )


def describe(deployment: Deployment) -> dict[str, Any]:
    return {
        "public_key": deployment.public_key,
        "name": deployment.name,
        "active": deployment.is_active,
        "allowed_origins": deployment.allowed_origins,
        "agent": deployment.agent,
        "key_version": deployment.key_version,
        "created_at": deployment.created_at.isoformat(),
    }
