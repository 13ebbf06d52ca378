"""Feedback review: thumbs and comments, filtered by kind, deployment and date, each
linking to the transcript at its message; nothing here can be edited."""

from datetime import timedelta

import pytest
from django.contrib.admin.utils import quote
from django.utils import timezone
from django.utils.http import urlencode

from chatkit.models import Feedback

LIST = "/admin/chatkit/feedback/"


@pytest.fixture
def marks(deployment, make_deployment, make_conversation, give_feedback):
    shop = make_conversation(deployment, turns=[("Hi", [("assistant", "## Hello **there**")], {})])
    other = make_conversation(make_deployment(name="Other"), visitor="anon:bob")
    bad = give_feedback(shop.item("assistant_message"), "negative", "Too curt")
    good = give_feedback(other.item("assistant_message"), "positive")
    old = give_feedback(shop.item("user_message"), "positive", "old one")
    Feedback.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=60))
    return {"bad": bad, "good": good, "old": old}


def comments(staff, query: str = "") -> set[str]:
    response = staff.get(LIST + query)
    assert response.status_code == 200
    return {mark.comment for mark in response.context["cl"].result_list}


def test_it_lists_feedback_linked_to_the_transcript_at_the_message(staff, marks):
    html = staff.get(LIST).content.decode()
    bad = marks["bad"]
    assert f'href="/admin/chatkit/thread/{quote(bad.thread_id)}/change/#item-{bad.item_id}"' in html
    assert (
        "Too curt" in html and "Hello there" in html and "**" not in html.split("Too curt")[1][:300]
    )
    opened = staff.get(f"{LIST}{bad.pk}/change/")
    assert opened.status_code == 302
    assert (
        opened["Location"]
        == f"/admin/chatkit/thread/{quote(bad.thread_id)}/change/#item-{bad.item_id}"
    )


def test_it_filters_by_kind_deployment_and_date(staff, marks, deployment):
    assert comments(staff, "?kind__exact=negative") == {"Too curt"}
    assert comments(staff, "?kind__exact=positive") == {"", "old one"}
    assert comments(staff, f"?thread__deployment__id__exact={deployment.pk}") == {
        "Too curt",
        "old one",
    }
    recent = (timezone.now() - timedelta(days=7)).isoformat()
    assert comments(staff, "?" + urlencode({"created_at__gte": recent})) == {
        "Too curt",
        "",
    }
    assert comments(staff, "?q=curt") == {"Too curt"}


def test_it_cannot_add_change_or_delete_feedback(staff, marks):
    bad = marks["bad"]
    assert staff.get(f"{LIST}add/").status_code == 403
    assert staff.post(f"{LIST}{bad.pk}/delete/", {"post": "yes"}).status_code == 403
    staff.post(f"{LIST}{bad.pk}/change/", {"kind": "positive", "comment": "x"})
    bad.refresh_from_db()
    assert (bad.kind, bad.comment) == ("negative", "Too curt")
    assert "delete_selected" not in staff.get(LIST).content.decode()
