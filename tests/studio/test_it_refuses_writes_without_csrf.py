"""Every write needs the CSRF token, even from a signed-in staff user."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.studio.conftest import gallery_draft, post_json
from widgets.gallery import gallery
from widgets.models import WidgetTemplate

WRITES = [
    ("/studio/api/preview", {"draft": gallery_draft()}),
    ("/studio/api/export", {"draft": gallery_draft()}),
    ("/studio/api/templates", {"draft": gallery_draft(), "name": "fresh"}),
    ("/studio/api/templates/mine/versions", {"draft": gallery_draft(), "base_version": 1}),
    ("/studio/api/templates/mine/rollback", {"number": 1}),
    ("/studio/api/templates/mine/duplicate", {}),
]


@pytest.fixture
def strict_client(staff_user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user)
    template = WidgetTemplate(name="mine", title="Mine")
    template.save_version(gallery()["order_status"], message="first")
    template.save_version(gallery()["weather"], message="second")
    return client


def assert_unchanged() -> None:
    assert list(WidgetTemplate.objects.values_list("name", flat=True)) == ["mine"]
    assert WidgetTemplate.objects.get(name="mine").versions.count() == 2


@pytest.mark.parametrize(("path", "body"), WRITES)
def test_it_refuses_json_writes_without_the_token(strict_client, path, body):
    response = post_json(strict_client, path, body)
    assert response.status_code == 403
    assert b"CSRF" in response.content
    assert_unchanged()


def test_it_refuses_deleting_without_the_token(strict_client):
    assert strict_client.delete("/studio/api/templates/mine").status_code == 403
    assert_unchanged()


def test_it_refuses_imports_without_the_token(strict_client):
    upload = SimpleUploadedFile("weather.widget", gallery()["weather"].dumps().encode())
    assert strict_client.post("/studio/api/import", {"file": upload}).status_code == 403
    assert_unchanged()


def test_it_refuses_a_wrong_token(strict_client):
    strict_client.get("/studio/")  # sets the CSRF cookie
    response = post_json(
        strict_client,
        "/studio/api/templates/mine/rollback",
        {"number": 1},
        HTTP_X_CSRFTOKEN="x" * 64,
    )
    assert response.status_code == 403
    assert_unchanged()


def test_it_accepts_the_token_the_page_embeds(strict_client):
    page = strict_client.get("/studio/templates/mine/")
    token = page.context["config"]["csrfToken"]
    response = post_json(
        strict_client, "/studio/api/templates/mine/rollback", {"number": 1}, HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 200
    assert WidgetTemplate.objects.get(name="mine").current_version.number == 3
