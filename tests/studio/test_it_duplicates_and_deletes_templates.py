"""Duplicate opens the copy; Delete asks first and then removes every version."""

import json

import pytest
from playwright.sync_api import expect

from tests.studio.browser import open_workspace
from widgets.gallery import gallery
from widgets.models import WidgetTemplate

pytestmark = pytest.mark.browser


@pytest.fixture
def saved(transactional_db):
    template = WidgetTemplate(name="mine", title="Mine")
    template.save_version(gallery()["survey"], message="first")
    template.save_version(gallery()["faq_list"], message="second")
    return template


def more(page, action):
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("menuitem", name=action).click()


def test_it_duplicates_into_a_new_template(studio_page, saved):
    page = studio_page
    open_workspace(page, "/studio/templates/mine/")
    more(page, "Duplicate")
    expect(page).to_have_url(page.base_url + "/studio/templates/mine_copy/")
    expect(page.get_by_role("textbox", name="Title")).to_have_value("FAQ list (copy)")
    copy = WidgetTemplate.objects.get(name="mine_copy")
    assert copy.current_version.source == saved.versions.get(number=2).source


def test_it_deletes_only_after_confirmation(studio_page, saved):
    page = studio_page
    open_workspace(page, "/studio/templates/mine/")
    more(page, "Delete…")
    question = page.get_by_role("dialog", name="Delete “FAQ list”?")
    expect(question).to_contain_text("all 2 of its versions")
    question.get_by_role("button", name="Cancel").click()
    assert WidgetTemplate.objects.filter(name="mine").exists()

    more(page, "Delete…")
    page.get_by_role("dialog", name="Delete “FAQ list”?").get_by_role(
        "button", name="Delete template"
    ).click()
    expect(page).to_have_url(page.base_url + "/studio/")
    assert not WidgetTemplate.objects.filter(name="mine").exists()
    expect(page.get_by_text("No widgets yet.")).to_be_visible()


def test_it_downloads_the_rendered_widget_json(studio_page, saved, tmp_path):
    page = studio_page
    open_workspace(page, "/studio/templates/mine/")
    page.get_by_role("button", name="Export").click()
    with page.expect_download() as download:
        page.get_by_role("menuitem", name="Download rendered widget JSON").click()
    path = tmp_path / "widget.json"
    download.value.save_as(path)
    assert download.value.suggested_filename == "mine.json"
    assert json.loads(path.read_text()) == saved.render()
