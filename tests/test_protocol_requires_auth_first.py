import pytest

from chatkit.keys import issue_keys
from tests.conftest import message, session_token

pytestmark = pytest.mark.django_db(transaction=True)


async def test_it_closes_when_the_first_request_is_not_session_auth(chat, deployment):
    client = await chat()
    frame = await client.request("threads.create", message("hi"))
    assert frame["error"]["code"] == "unauthenticated"
    output = await client.ws.receive_output(timeout=1)
    assert output == {"type": "websocket.close", "code": 4401}


async def test_it_keeps_the_socket_after_a_bad_token(chat, deployment):
    client = await chat()
    frame = await client.request("session.auth", {"token": "forged"})
    assert frame["error"]["code"] == "unauthenticated"
    assert frame["error"]["reason"] == "invalid_token"
    frame = await client.request("session.auth", {"token": session_token(deployment)})
    assert "result" in frame


async def test_it_refuses_a_token_revoked_by_key_rotation(chat, deployment):
    from channels.db import database_sync_to_async

    token = session_token(deployment)

    def rotate():
        issue_keys(deployment)
        deployment.save()

    await database_sync_to_async(rotate)()
    client = await chat()
    frame = await client.request("session.auth", {"token": token})
    assert frame["error"]["reason"] == "token_revoked"


async def test_it_refuses_a_disabled_deployment(chat, deployment):
    from channels.db import database_sync_to_async

    deployment.is_active = False
    await database_sync_to_async(deployment.save)()
    client = await chat()
    frame = await client.request("session.auth", {"token": session_token(deployment)})
    assert frame["error"]["reason"] == "deployment_disabled"


async def test_it_refuses_to_switch_visitor_on_one_socket(chat, deployment):
    client = await chat()
    await client.auth(deployment, "anon:alice")
    frame = await client.request("session.auth", {"token": session_token(deployment, "anon:bob")})
    assert frame["error"]["code"] == "invalid_request"
    # Renewing the same visitor's token is fine.
    frame = await client.request("session.auth", {"token": session_token(deployment, "anon:alice")})
    assert "result" in frame
