"""A verified visitor sees the same conversations from any browser; anonymous ones don't."""

import json
import time

import jwt
import pytest
from asgiref.sync import sync_to_async
from django.test import Client

from tests.conftest import ChatClient, message

pytestmark = pytest.mark.django_db(transaction=True)


def session_for(deployment, body):
    response = Client().post(
        "/api/sessions",
        data=json.dumps({"deployment": deployment.public_key, **body}),
        content_type="application/json",
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 200, response.content
    return response.json()["token"]


async def connect(token):
    client = ChatClient()
    await client.connect()
    assert "result" in await client.request("session.auth", {"token": token})
    return client


async def test_it_shows_a_verified_visitors_threads_on_every_device(deployment):
    def user_token():
        claims = {"sub": "customer-7", "exp": int(time.time()) + 600, "name": "Grace"}
        return jwt.encode(claims, deployment.secret_key, algorithm="HS256")

    laptop = await connect(
        await sync_to_async(session_for)(deployment, {"user_token": user_token()})
    )
    frames = await laptop.until_done(await laptop.send("threads.create", message("from my laptop")))
    thread_id = frames[0]["thread_id"]
    phone = await connect(
        await sync_to_async(session_for)(deployment, {"user_token": user_token()})
    )
    listed = (await phone.request("threads.list"))["result"]["data"]
    assert [t["id"] for t in listed] == [thread_id]
    stranger = await connect(await sync_to_async(session_for)(deployment, {}))
    assert (await stranger.request("threads.list"))["result"]["data"] == []
    for client in (laptop, phone, stranger):
        await client.close()
