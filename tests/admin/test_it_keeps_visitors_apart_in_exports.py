"""Tenant isolation: a visitor's export holds that visitor's items and nobody else's."""

import csv
import io
import json

from django.contrib.admin.utils import quote
from django.utils.http import urlencode


def body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def test_it_never_puts_another_visitors_items_in_a_visitors_export(
    staff, deployment, make_deployment, make_conversation
):
    alice = make_conversation(
        deployment, visitor="anon:alice", turns=[("alice-secret-1", [("assistant", "a1")], {})]
    )
    make_conversation(
        deployment, visitor="anon:alice", turns=[("alice-secret-2", [("assistant", "a2")], {})]
    )
    make_conversation(
        deployment, visitor="anon:bob", turns=[("bob-secret", [("assistant", "b1")], {})]
    )
    # The same visitor id in another deployment is another person.
    make_conversation(
        make_deployment(name="Other"),
        visitor="anon:alice",
        turns=[("other-tenant-secret", [], {})],
    )
    query = urlencode({"deployment__id__exact": deployment.pk, "visitor": "anon:alice"})

    exported = json.loads(body(staff.get(f"/admin/chatkit/thread/export.json?{query}")))
    texts = [
        part["text"]
        for thread in exported["data"]
        for item in thread["items"]["data"]
        for part in item["content"]
    ]
    assert sorted(texts) == ["a1", "a2", "alice-secret-1", "alice-secret-2"]
    assert {thread["metadata"]["visitor"] for thread in exported["data"]} == {"anon:alice"}
    assert all(
        item["thread_id"] == thread["id"]
        for thread in exported["data"]
        for item in thread["items"]["data"]
    )

    rows = list(
        csv.DictReader(io.StringIO(body(staff.get(f"/admin/chatkit/thread/export.csv?{query}"))))
    )
    assert sorted(row["text"] for row in rows) == ["a1", "a2", "alice-secret-1", "alice-secret-2"]

    single = body(staff.get(f"/admin/chatkit/thread/{quote(alice.thread.pk)}/export.json"))
    assert "alice-secret-1" in single
    assert "alice-secret-2" not in single and "bob-secret" not in single
    assert "other-tenant-secret" not in single
