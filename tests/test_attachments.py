"""Attachments: reserve, upload (streamed and checked), send with a message, serve, refuse."""

import pytest
from channels.db import database_sync_to_async
from channels.testing import HttpCommunicator
from django.test import Client

from chatkit.asgi import application
from chatkit.models import Attachment, Thread
from tests.conftest import events, message, text_of_answer

pytestmark = pytest.mark.django_db(transaction=True)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 56
PNG_SIZE = len(PNG)
FEATURES = {
    "attachments": {
        "enabled": True,
        "max_size": 1024,
        "max_count": 2,
        "accept": ["image/*", "text/plain"],
    }
}


@pytest.fixture
async def files_deployment(make_deployment, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return await database_sync_to_async(make_deployment)(features=FEATURES)


async def reserve(client, name="photo.png", size=PNG_SIZE, mime_type="image/png"):
    frame = await client.request(
        "attachments.create", {"name": name, "size": size, "mime_type": mime_type}
    )
    return frame.get("result") or frame


async def upload(descriptor, body, headers=None, method="PUT"):
    headers = (
        headers
        if headers is not None
        else [(b"authorization", descriptor["headers"]["Authorization"].encode())]
    )
    http = HttpCommunicator(
        application,
        method,
        descriptor["url"],
        body=body,
        headers=[(b"host", b"testserver"), *headers],
    )
    response = await http.get_response(timeout=5)
    return response["status"], response["body"]


async def test_it_takes_a_file_through_upload_message_and_download(chat, files_deployment):
    client = await chat()
    await client.auth(files_deployment)
    reserved = await reserve(client)
    assert reserved["type"] == "image" and reserved["id"].startswith("atc_")
    descriptor = reserved["upload_descriptor"]
    assert (
        descriptor["method"] == "PUT"
        and descriptor["url"] == f"/api/attachments/{reserved['id']}/upload"
    )
    status, body = await upload(descriptor, PNG)
    assert status == 200, body
    frames = await client.until_done(
        await client.send(
            "threads.create",
            {
                "input": {
                    "content": [{"type": "input_text", "text": "what is this?"}],
                    "attachments": [reserved["id"]],
                }
            },
        )
    )
    user_item = events(frames)[1]["item"]
    [attached] = user_item["attachments"]
    assert attached["id"] == reserved["id"] and attached["thread_id"] == frames[0]["thread_id"]
    assert "**photo.png** (image/png, 64 bytes)" in text_of_answer(frames)
    path = attached["url"].split("testserver", 1)[-1].replace("http://127.0.0.1:8000", "")
    download = await database_sync_to_async(lambda: Client().get(path))()
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PNG
    assert download["Content-Type"] == "image/png"
    assert "sandbox" in download["Content-Security-Policy"]
    wrong_secret = path.replace(path.split("/")[3], "x" * 32)
    assert (await database_sync_to_async(lambda: Client().get(wrong_secret))()).status_code == 404


async def test_it_downloads_other_files_instead_of_showing_them(chat, files_deployment):
    client = await chat()
    await client.auth(files_deployment)
    reserved = await reserve(client, "notes.txt", 12, "text/plain")
    assert (await upload(reserved["upload_descriptor"], b"<script>x()<"))[0] == 200
    frames = await client.until_done(
        await client.send(
            "threads.create",
            {
                "input": {
                    "content": [{"type": "input_text", "text": "read"}],
                    "attachments": [reserved["id"]],
                }
            },
        )
    )
    url = events(frames)[1]["item"]["attachments"][0]["url"].replace("http://127.0.0.1:8000", "")
    download = await database_sync_to_async(lambda: Client().get(url))()
    assert download["Content-Type"] == "application/octet-stream"
    assert download["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize(
    ("name", "size", "mime_type", "code", "text"),
    [
        ("big.png", 4096, "image/png", "too_large", "limited to 1 KB"),
        ("doc.pdf", 100, "application/pdf", "invalid_request", "accepts image/*, text/plain"),
        ("empty.txt", 0, "text/plain", "invalid_request", "empty"),
    ],
)
async def test_it_refuses_files_outside_the_limits(
    chat, files_deployment, name, size, mime_type, code, text
):
    client = await chat()
    await client.auth(files_deployment)
    refused = await reserve(client, name, size, mime_type)
    assert refused["error"]["code"] == code and text in refused["error"]["message"]
    assert await database_sync_to_async(Attachment.objects.count)() == 0


async def test_it_refuses_attachments_when_they_are_off(chat, deployment):
    client = await chat()
    await client.auth(deployment)
    refused = await reserve(client)
    assert refused["error"] == {
        "code": "invalid_request",
        "message": "Attachments are not enabled for this chat.",
    }


@pytest.mark.parametrize(
    ("case", "status"),
    [
        ("no_token", 401),
        ("bad_token", 401),
        ("too_long", 413),
        ("short", 400),
        ("not_png", 415),
        ("post", 405),
    ],
)
async def test_it_refuses_bad_uploads(chat, files_deployment, case, status):
    client = await chat()
    await client.auth(files_deployment)
    descriptor = (await reserve(client))["upload_descriptor"]
    kwargs = {
        "no_token": {"headers": []},
        "bad_token": {"headers": [(b"authorization", b"Bearer forged")]},
        "post": {"method": "POST"},
    }.get(case, {})
    body = {
        "too_long": PNG + b"x" * 2000,
        "short": PNG[:10],
        "not_png": b"GIF89a" + b"\x00" * 58,
    }.get(case, PNG)
    got, text = await upload(descriptor, body, **kwargs)
    assert got == status, text
    assert (
        await database_sync_to_async(
            lambda: Attachment.objects.filter(uploaded_at__isnull=False).count()
        )()
        == 0
    )


async def test_it_refuses_a_second_upload(chat, files_deployment):
    client = await chat()
    await client.auth(files_deployment)
    descriptor = (await reserve(client))["upload_descriptor"]
    assert (await upload(descriptor, PNG))[0] == 200
    assert (await upload(descriptor, PNG))[0] == 409


async def test_it_keeps_files_to_their_visitor_and_message(chat, files_deployment):
    alice = await chat()
    await alice.auth(files_deployment, "anon:alice")
    reserved = await reserve(alice)
    await upload(reserved["upload_descriptor"], PNG)
    mallory = await chat()
    await mallory.auth(files_deployment, "anon:mallory")
    stolen = await mallory.request(
        "threads.create",
        {
            "input": {
                "content": [{"type": "input_text", "text": "mine"}],
                "attachments": [reserved["id"]],
            }
        },
    )
    assert stolen["error"]["field"] == "params.input.attachments"
    assert await database_sync_to_async(Thread.objects.count)() == 0
    assert (await mallory.request("attachments.delete", {"attachment_id": reserved["id"]}))[
        "error"
    ]["code"] == "not_found"
    frames = await alice.until_done(
        await alice.send(
            "threads.create",
            {
                "input": {
                    "content": [{"type": "input_text", "text": "a"}],
                    "attachments": [reserved["id"]],
                }
            },
        )
    )
    again = await alice.request(
        "threads.add_user_message",
        {
            "thread_id": frames[0]["thread_id"],
            "input": {
                "content": [{"type": "input_text", "text": "b"}],
                "attachments": [reserved["id"]],
            },
        },
    )
    assert "not an uploaded file of yours" in again["error"]["message"]
    sent = await alice.request("attachments.delete", {"attachment_id": reserved["id"]})
    assert sent["error"]["message"] == "A file sent with a message stays with it."


async def test_it_releases_files_when_a_message_is_refused(chat, files_deployment):
    client = await chat()
    await client.auth(files_deployment)
    reserved = await reserve(client)
    await upload(reserved["upload_descriptor"], PNG)
    rid = await client.send("threads.create", message("/slow"))
    first = await client.recv()
    await client.send(
        "threads.add_user_message",
        {
            "thread_id": first["thread_id"],
            "input": {
                "content": [{"type": "input_text", "text": "x"}],
                "attachments": [reserved["id"]],
            },
        },
    )
    while True:
        busy = await client.recv()
        if "error" in busy:
            break
    assert busy["error"]["code"] == "busy"
    row = await database_sync_to_async(Attachment.objects.get)(pk=reserved["id"])
    assert row.message_id == "" and row.thread_id is None
    await client.send("threads.cancel", {"thread_id": first["thread_id"]})
    await client.until_done(rid)


async def test_it_deletes_an_unsent_file_and_its_bytes(chat, files_deployment, tmp_path):
    client = await chat()
    await client.auth(files_deployment)
    reserved = await reserve(client)
    await upload(reserved["upload_descriptor"], PNG)
    stored = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(stored) == 1
    assert (await client.request("attachments.delete", {"attachment_id": reserved["id"]}))[
        "result"
    ] == {}
    assert not stored[0].exists()


async def test_it_drops_files_nobody_sent_within_a_day(chat, files_deployment, tmp_path):
    from datetime import timedelta

    from django.utils import timezone

    forgetful = await chat()
    await forgetful.auth(files_deployment, "anon:forgetful")
    old = await reserve(forgetful)
    await upload(old["upload_descriptor"], PNG)
    await database_sync_to_async(
        lambda: Attachment.objects.filter(pk=old["id"]).update(
            created_at=timezone.now() - timedelta(days=2)
        )
    )()
    other = await chat()
    await other.auth(files_deployment, "anon:other")
    await reserve(other)
    assert not await database_sync_to_async(Attachment.objects.filter(pk=old["id"]).exists)()
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
