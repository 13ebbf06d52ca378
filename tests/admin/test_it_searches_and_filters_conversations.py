"""The conversation list: search by title, visitor and message text; filters by date,
deployment, visitor kind, negative feedback and errors; bad filter values are refused."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.http import urlencode

from chatkit.models import Response

LIST = "/admin/chatkit/thread/"


@pytest.fixture
def conversations(deployment, make_deployment, make_conversation, give_feedback):
    other = make_deployment(name="Other shop")
    found = {
        "refund": make_conversation(
            deployment,
            visitor="user:42",
            title="Refund",
            visitor_name="Zoë Müller",
            visitor_email="zoe@example.com",
            turns=[("Where is my money?", [("assistant", "Your refund is on its way.")], {})],
        ),
        "café": make_conversation(
            deployment,
            visitor="anon:bob",
            title="Opening hours",
            turns=[("Is the café open on Sunday?", [("assistant", "Yes, from 9 to 5.")], {})],
        ),
        "failed": make_conversation(
            deployment,
            visitor="anon:carol",
            title="Broken",
            turns=[("Hi", [], {"outcome": Response.Outcome.ERROR, "error_code": "agent_error"})],
        ),
        "old": make_conversation(
            other,
            visitor="anon:dave",
            title="Old question",
            started=timezone.now() - timedelta(days=40),
        ),
    }
    give_feedback(found["café"].item("assistant_message"), "negative", "Wrong hours")
    give_feedback(found["refund"].item("assistant_message"), "positive")
    return found


def listed(staff, query: str) -> set[str]:
    response = staff.get(LIST + query)
    assert response.status_code == 200, response
    return {thread.title for thread in response.context["cl"].result_list}


def test_it_finds_conversations_by_title_visitor_and_message_text(staff, conversations):
    assert listed(staff, "?q=refund") == {"Refund"}
    assert listed(staff, "?q=Zoë") == {"Refund"}
    assert listed(staff, "?q=zoe@example") == {"Refund"}
    assert listed(staff, "?q=anon:bob") == {"Opening hours"}
    assert listed(staff, "?q=café") == {"Opening hours"}
    assert listed(staff, "?q=sunday") == {"Opening hours"}
    assert listed(staff, "?q=on+its+way") == {"Refund"}
    assert listed(staff, '?q="from 9 to 5"') == {"Opening hours"}
    assert listed(staff, "?q=nowhere-to-be-found") == set()


def test_it_filters_by_deployment_visitor_kind_feedback_errors_and_date(
    staff, conversations, deployment
):
    assert listed(staff, f"?deployment__id__exact={deployment.pk}") == {
        "Refund",
        "Opening hours",
        "Broken",
    }
    assert listed(staff, "?visitor_kind=verified") == {"Refund"}
    assert listed(staff, "?visitor_kind=anonymous") == {"Opening hours", "Broken", "Old question"}
    assert listed(staff, "?negative_feedback=yes") == {"Opening hours"}
    assert "Opening hours" not in listed(staff, "?negative_feedback=no")
    assert listed(staff, "?errors=yes") == {"Broken"}
    week_ago = urlencode({"created_at__gte": (timezone.now() - timedelta(days=7)).isoformat()})
    assert "Old question" not in listed(staff, f"?{week_ago}")
    assert listed(staff, "?visitor=anon:bob") == {"Opening hours"}


def test_it_counts_messages_and_flags_problems_in_the_list(staff, conversations):
    response = staff.get(LIST)
    html = response.content.decode()
    assert "negative</span>" in html and "errors</span>" in html
    rows = {thread.title: thread for thread in response.context["cl"].result_list}
    assert rows["Refund"].message_count == 2
    assert rows["Broken"].has_errors and not rows["Refund"].has_errors


@pytest.mark.parametrize(
    "query",
    ["?visitor_kind=martian", "?errors=maybe", "?created_at__gte=yesterday", "?nonsense=1"],
)
def test_it_refuses_bad_filter_values_with_a_message(staff, conversations, query):
    response = staff.get(LIST + query, follow=True)
    assert response.redirect_chain[-1][0].endswith("?e=1")
    assert "filters are not valid" in response.content.decode()
