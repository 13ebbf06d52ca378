"""Create, save, compare, roll back, duplicate and delete templates through the API."""

from tests.studio.conftest import gallery_draft, post_json
from widgets.models import WidgetTemplate


def create(client, name="orders", draft=None, message="First cut"):
    body = {"draft": draft or gallery_draft(), "name": name, "message": message}
    response = post_json(client, "/studio/api/templates", body)
    assert response.status_code == 200, response.content
    return response.json()


def save(client, name, draft, base_version, message=""):
    body = {"draft": draft, "message": message, "base_version": base_version}
    return post_json(client, f"/studio/api/templates/{name}/versions", body)


def edited(title: str) -> dict:
    draft = gallery_draft()
    draft["template"] = draft["template"].replace("{{ headline | tojson }}", f'"{title}"')
    return draft


def test_it_creates_a_template_with_its_first_version(staff_client, staff_user):
    result = create(staff_client)
    assert (result["name"], result["version"], result["url"]) == (
        "orders",
        1,
        "/studio/templates/orders/",
    )
    template = WidgetTemplate.objects.get(name="orders")
    version = template.current_version
    assert (version.message, version.author, template.is_builtin) == (
        "First cut",
        staff_user,
        False,
    )
    assert version.output_preview["type"] == "Card"


def test_it_saves_each_change_as_a_new_version(staff_client):
    create(staff_client)
    assert save(staff_client, "orders", edited("One"), 1, "one").json()["version"] == 2
    assert save(staff_client, "orders", edited("Two"), 2, "two").json()["version"] == 3
    template = WidgetTemplate.objects.get(name="orders")
    assert [v.message for v in template.versions.order_by("number")] == ["First cut", "one", "two"]
    assert '"Two"' in template.current_version.source


def test_it_refuses_a_save_based_on_an_old_version(staff_client):
    create(staff_client)
    save(staff_client, "orders", edited("Mine"), 1)
    response = save(staff_client, "orders", edited("Theirs"), 1)
    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "conflict" and error["current_version"] == 2
    assert "Version 2 was saved by designer" in error["message"]
    assert WidgetTemplate.objects.get(name="orders").versions.count() == 2


def test_it_says_when_nothing_changed(staff_client):
    create(staff_client)
    response = save(staff_client, "orders", gallery_draft(), 1)
    assert response.status_code == 409
    assert response.json()["error"]["message"] == "Nothing changed since version 1."


def test_it_keeps_work_in_progress_that_does_not_render(staff_client):
    create(staff_client)
    broken = gallery_draft()
    broken["template"] = broken["template"].replace('"size": "md"', '"size": "huge"', 1)
    assert save(staff_client, "orders", broken, 1, "wip").status_code == 200
    version = WidgetTemplate.objects.get(name="orders").current_version
    assert '"huge"' in version.source
    assert "did not render" in version.output_preview["children"][0]["value"]


def test_it_lists_versions_newest_first(staff_client):
    create(staff_client)
    save(staff_client, "orders", edited("One"), 1, "one")
    versions = staff_client.get("/studio/api/templates/orders/versions").json()["versions"]
    assert [(v["number"], v["message"], v["is_current"]) for v in versions] == [
        (2, "one", True),
        (1, "First cut", False),
    ]
    assert versions[0]["author"] == "designer"


def test_it_shows_what_a_version_changed(staff_client):
    create(staff_client)
    save(staff_client, "orders", edited("One"), 1)
    response = staff_client.get("/studio/api/templates/orders/diff?from=1&to=2")
    [section] = response.json()["sections"]
    assert section["title"] == "Template"
    lines = {(line["kind"], line["text"].strip()) for line in section["lines"]}
    assert ("add", '{"type": "Title", "value": "One", "size": "md"},') in lines
    assert ("remove", '{"type": "Title", "value": {{ headline | tojson }}, "size": "md"},') in lines
    assert staff_client.get("/studio/api/templates/orders/diff?from=1").status_code == 400
    assert staff_client.get("/studio/api/templates/orders/diff?from=1&to=9").status_code == 404


def test_it_rolls_back_by_saving_a_copy_of_an_old_version(staff_client):
    create(staff_client)
    save(staff_client, "orders", edited("One"), 1)
    response = post_json(staff_client, "/studio/api/templates/orders/rollback", {"number": 1})
    assert response.json()["version"] == 3
    template = WidgetTemplate.objects.get(name="orders")
    assert template.current_version.message == "Rolled back to version 1"
    assert template.current_version.source == template.versions.get(number=1).source
    assert response.json()["draft"]["template"] == template.current_version.source
    again = post_json(staff_client, "/studio/api/templates/orders/rollback", {"number": 3})
    assert again.status_code == 409
    missing = post_json(staff_client, "/studio/api/templates/orders/rollback", {"number": 7})
    assert missing.status_code == 404


def test_it_duplicates_the_saved_version(staff_client):
    create(staff_client)
    result = post_json(staff_client, "/studio/api/templates/orders/duplicate", {}).json()
    assert result["name"] == "orders_copy"
    copy = WidgetTemplate.objects.get(name="orders_copy")
    assert copy.title == "Order status (copy)"
    assert copy.current_version.message == "Duplicated from orders version 1"
    again = post_json(staff_client, "/studio/api/templates/orders/duplicate", {}).json()
    assert again["name"] == "orders_copy_2"
    taken = post_json(staff_client, "/studio/api/templates/orders/duplicate", {"name": "orders"})
    assert taken.status_code == 409


def test_it_deletes_a_template_with_its_versions(staff_client):
    create(staff_client)
    save(staff_client, "orders", edited("One"), 1)
    response = staff_client.delete("/studio/api/templates/orders")
    assert response.json() == {"deleted": "orders", "url": "/studio/"}
    assert not WidgetTemplate.objects.filter(name="orders").exists()
    assert staff_client.delete("/studio/api/templates/orders").status_code == 404


def test_it_keeps_gallery_names_for_the_gallery(staff_client):
    response = post_json(
        staff_client, "/studio/api/templates", {"draft": gallery_draft(), "name": "order_status"}
    )
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "name_taken"


def test_it_sends_built_in_templates_to_a_new_copy(staff_client):
    from widgets.gallery import install_gallery

    install_gallery()
    response = staff_client.get("/studio/templates/order_status/")
    assert response.status_code == 302
    assert response["Location"] == "/studio/new/?from=order_status"
    page = staff_client.get(response["Location"])
    config = page.context["config"]
    assert config["source"] == {"name": "order_status", "version": 1}
    assert config["suggestedName"] == "order_status_2"
