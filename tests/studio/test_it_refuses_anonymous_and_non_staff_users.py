"""Studio pages and API need a staff login: everyone else is refused and nothing changes."""

import pytest
from django.test import Client

from tests.studio.conftest import gallery_draft, make_user, post_json
from widgets.gallery import gallery
from widgets.models import WidgetTemplate

PAGES = ["/studio/", "/studio/new/", "/studio/new/?from=order_status", "/studio/templates/mine/"]

# (method, path, JSON body): every API endpoint, reads and writes.
API_CALLS = [
    ("post", "/studio/api/preview", {"draft": gallery_draft()}),
    ("post", "/studio/api/export", {"draft": gallery_draft()}),
    ("post", "/studio/api/templates", {"draft": gallery_draft(), "name": "fresh"}),
    ("get", "/studio/api/templates/mine/versions", None),
    ("post", "/studio/api/templates/mine/versions", {"draft": gallery_draft(), "base_version": 1}),
    ("get", "/studio/api/templates/mine/diff?from=1&to=2", None),
    ("post", "/studio/api/templates/mine/rollback", {"number": 1}),
    ("post", "/studio/api/templates/mine/duplicate", {}),
    ("delete", "/studio/api/templates/mine", None),
    ("get", "/studio/api/templates/mine/snippet", None),
    ("post", "/studio/api/import", None),
]


@pytest.fixture
def saved_template(db):
    template = WidgetTemplate(name="mine", title="Mine")
    template.save_version(gallery()["order_status"], message="first")
    return template


def call(client: Client, method: str, path: str, body):
    if body is None:
        return getattr(client, method)(path)
    return post_json(client, path, body)


@pytest.mark.parametrize("path", PAGES)
def test_it_sends_anonymous_visitors_to_the_login_page(client, saved_template, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("path", PAGES)
def test_it_sends_non_staff_users_to_the_login_page(client, saved_template, path):
    client.force_login(make_user("visitor", staff=False))
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize(("method", "path", "body"), API_CALLS)
def test_it_refuses_api_calls_from_anonymous_visitors(client, saved_template, method, path, body):
    response = call(client, method, path, body)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert_unchanged()


@pytest.mark.parametrize(("method", "path", "body"), API_CALLS)
def test_it_refuses_api_calls_from_non_staff_users(client, saved_template, method, path, body):
    client.force_login(make_user("visitor", staff=False))
    response = call(client, method, path, body)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert_unchanged()


def test_it_refuses_inactive_staff(client, saved_template):
    user = make_user("former", staff=True)
    user.is_active = False
    user.save()
    client.force_login(user)
    response = post_json(client, "/studio/api/preview", {"draft": gallery_draft()})
    assert response.status_code == 403


def assert_unchanged() -> None:
    template = WidgetTemplate.objects.get(name="mine")
    assert list(WidgetTemplate.objects.values_list("name", flat=True)) == ["mine"]
    assert template.versions.count() == 1
