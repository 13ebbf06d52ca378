"""Every operating page needs staff; every write needs a CSRF token."""

import pytest
from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.test import Client

from chatkit.models import Thread, ThreadItem
from tests.admin.conftest import PASSWORD

PAGES = [
    "/admin/chatkit/thread/",
    "/admin/chatkit/thread/{thread}/change/",
    "/admin/chatkit/thread/{thread}/export.json",
    "/admin/chatkit/thread/export.csv",
    "/admin/chatkit/thread/erase/?deployment={deployment}&visitor=anon:alice",
    "/admin/chatkit/feedback/",
    "/admin/chatkit/deployment/{deployment}/health/",
    "/admin/chatkit/deployment/health/",
]


@pytest.fixture
def paths(deployment, make_conversation):
    thread = make_conversation(deployment, turns=[("Private question", [], {})]).thread
    return [page.format(thread=quote(thread.pk), deployment=deployment.pk) for page in PAGES]


def test_it_sends_anonymous_visitors_to_the_login_page(client, paths):
    for path in paths:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/admin/login/"), path


def test_it_refuses_users_who_are_not_staff(client, paths):
    user = get_user_model().objects.create_user("visitor", password=PASSWORD)
    client.force_login(user)
    for path in paths:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/admin/login/"), path
        assert b"Private question" not in response.content


def test_it_refuses_staff_without_the_permissions(client, paths):
    user = get_user_model().objects.create_user("intern", password=PASSWORD, is_staff=True)
    client.force_login(user)
    for path in paths:
        assert client.get(path).status_code == 403, path


def test_it_lets_readers_read_but_not_erase(viewer, paths, deployment):
    for path in paths:
        expected = 403 if "/erase/" in path else 200
        assert viewer.get(path).status_code == expected, path
    response = viewer.post(
        "/admin/chatkit/thread/erase/", {"deployment": deployment.pk, "visitor": "anon:alice"}
    )
    assert response.status_code == 403
    assert Thread.objects.filter(visitor="anon:alice").exists()


def test_it_refuses_writes_without_a_csrf_token(staff_user, deployment, make_conversation):
    conversation = make_conversation(deployment)
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user)
    erase = client.post(
        "/admin/chatkit/thread/erase/", {"deployment": deployment.pk, "visitor": "anon:alice"}
    )
    assert erase.status_code == 403
    action = client.post(
        "/admin/chatkit/thread/",
        {"action": "export_selected_json", "_selected_action": [conversation.thread.pk]},
    )
    assert action.status_code == 403
    assert Thread.objects.filter(pk=conversation.thread.pk).exists()
    assert ThreadItem.objects.filter(thread=conversation.thread).count() == 2
