"""Malformed, oversized or unexpected bodies get a clear error and change nothing."""

import pytest

from tests.studio.conftest import gallery_draft, post_json
from widgets.gallery import gallery
from widgets.models import WidgetTemplate


@pytest.fixture
def mine(db):
    template = WidgetTemplate(name="mine", title="Mine")
    template.save_version(gallery()["order_status"], message="first")
    return template


def error_of(response, status):
    assert response.status_code == status, response.content
    return response.json()["error"]


def test_it_refuses_malformed_json(staff_client, mine):
    response = staff_client.post(
        "/studio/api/templates/mine/versions", "{not json", content_type="application/json"
    )
    assert error_of(response, 400) == {
        "code": "invalid_json",
        "message": "The body is not valid JSON.",
    }
    assert mine.versions.count() == 1


def test_it_refuses_other_content_types(staff_client, mine):
    response = staff_client.post("/studio/api/preview", {"draft": "x"})
    assert error_of(response, 415)["code"] == "unsupported_media_type"


def test_it_names_the_field_that_is_wrong(staff_client, mine):
    draft = gallery_draft()
    draft["cases"] = []
    error = error_of(post_json(staff_client, "/studio/api/preview", {"draft": draft}), 400)
    assert error["code"] == "invalid_request"
    assert error["message"].startswith("draft.cases: List should have at least 1 item")


def test_it_refuses_unknown_fields(staff_client, mine):
    body = {"draft": gallery_draft(), "base_version": 1, "force": True}
    error = error_of(post_json(staff_client, "/studio/api/templates/mine/versions", body), 400)
    assert error["message"] == "force: Extra inputs are not permitted"
    assert mine.versions.count() == 1


def test_it_refuses_oversized_bodies_before_reading_them(staff_client, mine):
    draft = gallery_draft()
    draft["description"] = "x" * (3 * 1024 * 1024)
    error = error_of(post_json(staff_client, "/studio/api/templates/mine/versions", draft), 413)
    assert error["code"] == "too_large"
    assert mine.versions.count() == 1


def test_it_refuses_texts_over_their_limits(staff_client, mine):
    draft = gallery_draft()
    draft["template"] = "x" * 70_000
    error = error_of(post_json(staff_client, "/studio/api/preview", {"draft": draft}), 400)
    assert error["message"].startswith(
        "draft.template: String should have at most 65536 characters"
    )


def test_it_refuses_bad_template_names(staff_client, mine):
    for name in ["Has Caps", "../etc", "", "x" * 101, "mine"]:
        response = post_json(
            staff_client, "/studio/api/templates", {"draft": gallery_draft(), "name": name}
        )
        assert response.status_code in (400, 409), name
    assert list(WidgetTemplate.objects.values_list("name", flat=True)) == ["mine"]


def test_it_refuses_wrong_methods(staff_client, mine):
    assert error_of(staff_client.get("/studio/api/preview"), 405)["message"] == "Use POST."
    assert (
        error_of(staff_client.put("/studio/api/templates/mine"), 405)["code"]
        == "method_not_allowed"
    )


def test_it_answers_unknown_templates_with_404(staff_client, mine):
    error = error_of(staff_client.get("/studio/api/templates/nope/versions"), 404)
    assert error["message"] == "There is no template called 'nope'."
    assert staff_client.get("/studio/templates/nope/").status_code == 404
    assert staff_client.get("/studio/new/?from=nope").status_code == 404


def test_it_refuses_to_save_a_draft_that_is_not_a_widget_file(staff_client, mine):
    draft = gallery_draft()
    draft["json_schema"] = "[1, 2"
    body = {"draft": draft, "message": "broken", "base_version": 1}
    error = error_of(post_json(staff_client, "/studio/api/templates/mine/versions", body), 400)
    assert error["code"] == "invalid_draft"
    assert error["problems"][0]["editor"] == "schema"
    assert mine.versions.count() == 1
