"""Every malformed frame gets its SPEC error frame, nothing is written, the socket stays usable."""

import json

import pytest

from chatkit.models import Thread, ThreadEvent, ThreadItem
from tests.conftest import message

pytestmark = pytest.mark.django_db(transaction=True)


async def assert_still_usable(client):
    pong = await client.request("ping")
    assert pong["result"] == {}


async def nothing_written():
    from channels.db import database_sync_to_async

    counts = await database_sync_to_async(
        lambda: (Thread.objects.count(), ThreadItem.objects.count(), ThreadEvent.objects.count())
    )()
    assert counts == (0, 0, 0)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("not json", "invalid_json"),
        ("{", "invalid_json"),
        ("[1, 2]", "invalid_request"),
        ('"a string"', "invalid_request"),
        ("[" * 10000 + "]" * 10000, "invalid_json"),
        ('{"id": "\\ud800", "type": "ping"}', "invalid_json"),
        ('{"id": "a", "type": "ping", "\\udfff": 1}', "invalid_json"),
        (json.dumps({"type": "ping", "params": {}}), "invalid_request"),
        (json.dumps({"id": 5, "type": "ping"}), "invalid_request"),
        (json.dumps({"id": "x" * 101, "type": "ping"}), "invalid_request"),
        (json.dumps({"id": "a", "type": 3}), "invalid_request"),
        (json.dumps({"id": "a", "type": "ping", "extra": 1}), "invalid_request"),
        (json.dumps({"id": "a", "type": "ping", "params": []}), "invalid_request"),
    ],
)
async def test_it_answers_malformed_frames_with_an_error(chat, deployment, raw, code):
    client = await chat()
    await client.auth(deployment)
    await client.send_raw(raw)
    frame = await client.recv()
    assert frame["error"]["code"] == code, frame
    assert frame["error"]["message"]
    await assert_still_usable(client)
    await nothing_written()


async def test_it_refuses_frames_over_64_kib(chat, deployment):
    client = await chat()
    await client.auth(deployment)
    big = json.dumps({"id": "big", "type": "threads.create", "params": message("x" * (65 * 1024))})
    await client.send_raw(big)
    frame = await client.recv()
    assert frame["error"]["code"] == "too_large"
    assert "64 KiB" in frame["error"]["message"]
    # Multi-byte characters count as bytes, not characters.
    await client.send_raw(
        json.dumps(
            {"id": "mb", "type": "ping", "params": {}, "metadata": {"t": "é" * 40000}},
            ensure_ascii=False,
        )
    )
    assert (await client.recv())["error"]["code"] == "too_large"
    await assert_still_usable(client)
    await nothing_written()


async def test_it_names_unknown_request_types(chat, deployment):
    client = await chat()
    await client.auth(deployment)
    frame = await client.request("threads.explode", {})
    assert frame["error"]["code"] == "unknown_type"
    assert "threads.explode" in frame["error"]["message"]
    await assert_still_usable(client)


@pytest.mark.parametrize(
    ("type_", "params", "field"),
    [
        ("threads.create", {}, "params.input"),
        ("threads.create", {"input": {"content": []}}, "params.input.content"),
        (
            "threads.create",
            {"input": {"content": [{"type": "input_image"}]}},
            "params.input.content.0",
        ),
        (
            "threads.create",
            {"input": {"content": [{"type": "input_text", "text": "  "}]}},
            "params.input",
        ),
        (
            "threads.add_user_message",
            {"input": {"content": [{"type": "input_text", "text": "hi"}]}},
            "params.thread_id",
        ),
        ("threads.get_by_id", {"thread_id": 42}, "params.thread_id"),
        ("threads.list", {"limit": 0}, "params.limit"),
        ("threads.list", {"limit": 101}, "params.limit"),
        ("threads.list", {"order": "sideways"}, "params.order"),
        ("items.list", {"thread_id": "thr_x", "limit": "ten"}, "params.limit"),
        (
            "items.feedback",
            {"thread_id": "thr_x", "item_ids": [], "kind": "positive"},
            "params.item_ids",
        ),
        ("items.feedback", {"thread_id": "thr_x", "item_ids": ["a"], "kind": "meh"}, "params.kind"),
        ("threads.resume", {"thread_id": "thr_x", "after_seq": -1}, "params.after_seq"),
        ("threads.update", {"thread_id": "thr_x", "title": "t" * 201}, "params.title"),
        ("session.auth", {}, "params.token"),
        ("ping", {"unexpected": True}, "params.unexpected"),
    ],
)
async def test_it_names_the_bad_field(chat, deployment, type_, params, field):
    client = await chat()
    await client.auth(deployment)
    frame = await client.request(type_, params)
    assert frame["error"]["code"] == "invalid_request", frame
    assert frame["error"]["field"] == field, frame
    await assert_still_usable(client)
    await nothing_written()


async def test_it_refuses_a_binary_frame(chat, deployment):
    client = await chat()
    await client.auth(deployment)
    await client.ws.send_to(bytes_data=b"\x00\x01")
    frame = await client.recv()
    assert frame["error"]["code"] == "invalid_json"
    await assert_still_usable(client)
