"""Rotating keys or disabling a deployment ends live sessions at once."""

import pytest
from channels.db import database_sync_to_async

from chatkit.deployments import rotate_keys, set_active

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("change", ["rotate", "disable"])
async def test_it_closes_open_connections_of_the_deployment(
    chat, deployment, make_deployment, change
):
    other_deployment = await database_sync_to_async(make_deployment)()
    client = await chat()
    await client.auth(deployment)
    bystander = await chat()
    await bystander.auth(other_deployment)
    if change == "rotate":
        await database_sync_to_async(rotate_keys)(deployment)
    else:
        await database_sync_to_async(set_active)(deployment, False)
    frame = await client.recv()
    assert frame["error"]["code"] == "unauthenticated"
    assert await client.ws.receive_output(timeout=1) == {"type": "websocket.close", "code": 4401}
    assert (await bystander.request("ping"))["result"] == {}


async def test_it_refuses_the_next_request_even_without_the_broadcast(
    chat, deployment, monkeypatch
):
    client = await chat()
    await client.auth(deployment)
    monkeypatch.setattr("chatkit.consumers.SESSION_RECHECK", 0)
    # Another process rotated the keys (no shared channel layer to tell us).
    await database_sync_to_async(
        lambda: deployment.__class__.objects.filter(pk=deployment.pk).update(key_version=9)
    )()
    frame = await client.request("threads.list")
    assert frame["error"] == {
        "code": "unauthenticated",
        "message": "The session token was revoked by a key rotation.",
        "reason": "token_revoked",
    }
