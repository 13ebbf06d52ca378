"""The studio end to end in Chromium, as the issue describes a designer's session."""

import json

import pytest
from playwright.sync_api import expect

from tests.studio.browser import (
    editor_text,
    expect_no_problems,
    preview,
    problems,
    replace_selection,
    select_text,
    selected_text,
)
from widgets.models import WidgetTemplate

pytestmark = pytest.mark.browser


def save(page, message, name=None):
    page.keyboard.press("Control+s")
    dialog = page.get_by_role("dialog", name="Save version")
    expect(dialog).to_be_visible()
    if name is not None:
        dialog.get_by_role("textbox", name="Name").fill(name)
    dialog.get_by_role("textbox", name="What changed?").fill(message)
    dialog.get_by_role("button", name="Save version").click()
    expect(dialog).to_be_hidden()


def test_it_designs_versions_and_round_trips_a_widget(studio_page, tmp_path):
    page = studio_page
    # Create a template from the gallery.
    page.goto(page.base_url + "/studio/")
    page.get_by_role("link", name="Order status (built-in: start a copy)").click()
    expect(page).to_have_url(page.base_url + "/studio/new/?from=order_status")
    expect(preview(page).locator("[data-component=Card]")).to_have_count(2)  # light and dark
    expect_no_problems(page)

    # Break it: the pointer error is listed, the preview keeps the last render, stale.
    select_text(page, "Template", '"size": "md"')
    replace_selection(page, '"size": "huge"')
    problem = problems(page).get_by_role(
        "button", name="/size: expected one of sm, md, lg, full; got 'huge' (Template · Shipped)"
    )
    expect(problem).to_be_visible()
    expect(preview(page)).to_have_attribute("data-stale", "")
    expect(
        preview(page).get_by_text("Stale: showing the last version that rendered")
    ).to_be_visible()
    expect(preview(page).locator("[data-component=Card]")).to_have_count(2)

    # Clicking the problem selects the offending place; fix it there.
    page.get_by_role("textbox", name="Sample data").focus()
    problem.click()
    assert selected_text(page, "Template") == '"size": "huge"'
    replace_selection(page, '"size": "lg"')
    expect_no_problems(page)

    # Switch sample cases: the preview follows.
    page.get_by_role("group", name="Sample cases").get_by_role("button", name="Delayed").click()
    expect(preview(page).locator("[data-component=Badge]").first).to_have_text("Delayed")
    assert '"status": "Delayed"' in editor_text(page, "Sample data")
    page.get_by_role("combobox", name="Sample case").select_option(label="Shipped")
    expect(preview(page).locator("[data-component=Badge]").first).to_have_text("Shipped")

    # Click a button in the preview: the exact ActionConfig the agent would receive.
    preview(page).get_by_role("button", name="Track package").first.click()
    payload = page.get_by_role("region", name="Action payload").get_by_label("Action payload JSON")
    expect(payload).to_contain_text('"order.track"')
    assert json.loads(payload.inner_text()) == {
        "type": "order.track",
        "payload": {"order_number": "#A-10482"},
        "handler": "server",
        "loadingBehavior": "auto",
        "streaming": True,
    }

    # Save twice: a new template, then a second version.
    save(page, "Bigger card", name="my_order")
    expect(page.get_by_role("status").filter(has_text="Saved · v1")).to_be_visible()
    expect(page).to_have_url(page.base_url + "/studio/templates/my_order/")
    select_text(page, "Template", "{{ headline | tojson }}")
    replace_selection(page, '"Your parcel"')
    expect_no_problems(page)
    expect(page.get_by_role("status").filter(has_text="Unsaved changes · v1")).to_be_visible()
    save(page, "Fixed headline")
    expect(page.get_by_role("status").filter(has_text="Saved · v2")).to_be_visible()
    template = WidgetTemplate.objects.get(name="my_order")
    assert [v.message for v in template.versions.order_by("number")] == [
        "Bigger card",
        "Fixed headline",
    ]

    # History: what version 2 changed, then roll back to version 1.
    page.get_by_role("button", name="History").click()
    history = page.get_by_role("complementary", name="History")
    expect(history.get_by_text("Changes in version 2")).to_be_visible()
    expect(history.locator(".diff-line.add")).to_contain_text('"Your parcel"')
    history.get_by_role("button", name="v1").click()
    history.get_by_role("button", name="Roll back to v1").click()
    page.get_by_role("dialog", name="Roll back to version 1?").get_by_role(
        "button", name="Roll back"
    ).click()
    expect(page.get_by_role("status").filter(has_text="Saved · v3")).to_be_visible()
    assert "{{ headline | tojson }}" in editor_text(page, "Template")
    template.refresh_from_db()
    assert template.current_version.message == "Rolled back to version 1"
    assert template.current_version.source == template.versions.get(number=1).source

    # Export the .widget file, import it again: the same template comes back.
    page.get_by_role("button", name="Export").click()
    with page.expect_download() as download:
        page.get_by_role("menuitem", name="Download .widget file").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == "my_order.widget"
    assert json.loads(path.read_text()) == template.export()
    page.locator("#import-file").set_input_files(str(path))
    expect(page).to_have_url(page.base_url + "/studio/templates/order_status_2/")
    imported = WidgetTemplate.objects.get(name="order_status_2")
    assert imported.export() == template.export()
    assert imported.current_version.message == "Imported from my_order.widget"
    expect_no_problems(page)
