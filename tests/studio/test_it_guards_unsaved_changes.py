"""Leaving with unsaved changes asks first; saved work leaves freely."""

import pytest
from playwright.sync_api import expect

from tests.studio.browser import open_workspace, replace_selection, select_text
from widgets.gallery import gallery
from widgets.models import WidgetTemplate

pytestmark = pytest.mark.browser


@pytest.fixture
def saved(transactional_db):
    template = WidgetTemplate(name="mine", title="Mine")
    template.save_version(gallery()["faq_list"], message="first")
    return template


def test_it_asks_before_discarding_changes(studio_page, saved):
    page = studio_page
    open_workspace(page, "/studio/templates/mine/")
    page.get_by_role("link", name="Gallery").click()
    expect(page).to_have_url(page.base_url + "/studio/")  # nothing changed: no question

    open_workspace(page, "/studio/templates/mine/")
    select_text(page, "Template", '"limit": 5')
    replace_selection(page, '"limit": 3')
    expect(page.get_by_role("status").filter(has_text="Unsaved changes")).to_be_visible()
    page.get_by_role("link", name="Gallery").click()
    question = page.get_by_role("dialog", name="Unsaved changes")
    expect(question).to_be_visible()
    question.get_by_role("button", name="Cancel").click()
    expect(page).to_have_url(page.base_url + "/studio/templates/mine/")

    page.get_by_role("button", name="New widget").click()
    page.get_by_role("dialog", name="Unsaved changes").get_by_role(
        "button", name="Discard changes"
    ).click()
    expect(page).to_have_url(page.base_url + "/studio/new/")


def test_it_asks_the_browser_to_confirm_closing_the_tab(studio_page, saved):
    page = studio_page
    open_workspace(page, "/studio/templates/mine/")
    page.get_by_role("textbox", name="Title").fill("Renamed")
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    page.close(run_before_unload=True)
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]


def test_it_saves_and_formats_from_the_keyboard(studio_page, saved):
    page = studio_page
    open_workspace(page, "/studio/templates/mine/")
    data = page.get_by_role("textbox", name="Sample data")
    data.focus()
    page.keyboard.press("Control+a")
    page.keyboard.type('{"heading": "Help", "items": []}')
    page.keyboard.press("Shift+Alt+F")
    expect(data).to_contain_text('"heading": "Help",')
    assert data.inner_text().startswith('{\n  "heading"')

    page.keyboard.press("Control+s")
    dialog = page.get_by_role("dialog", name="Save version")
    dialog.get_by_role("textbox", name="What changed?").fill("No questions yet")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text="Saved · v2")).to_be_visible()
    assert WidgetTemplate.objects.get(name="mine").current_version.message == "No questions yet"

    page.keyboard.press("Alt+3")
    expect(page.get_by_role("textbox", name="Data schema")).to_be_focused()
    page.keyboard.press("Alt+1")
    expect(page.get_by_role("textbox", name="Template")).to_be_focused()
