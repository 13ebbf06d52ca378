"""Completion knows the widget catalog, the values props take and the template's data fields."""

import pytest
from playwright.sync_api import expect

from tests.studio.browser import editor_text, open_workspace, put_cursor_after

pytestmark = pytest.mark.browser


def options(page):
    listbox = page.locator(".cm-tooltip-autocomplete [role=listbox]")
    expect(listbox).to_be_visible()
    return listbox


def test_it_completes_props_of_the_component_being_edited(studio_page):
    page = studio_page
    open_workspace(page, "/studio/new/")
    put_cursor_after(page, "Template", '"label": "Got it",')
    page.keyboard.type(' "ic')
    listbox = options(page)
    expect(listbox.get_by_role("option", name='"iconStart"')).to_be_visible()
    expect(listbox.get_by_role("option", name='"iconEnd"')).to_be_visible()
    expect(listbox.get_by_role("option", name='"iconSize"')).to_be_visible()
    expect(listbox.get_by_role("option", name='"label"')).to_have_count(0)  # already there


def test_it_completes_enum_values(studio_page):
    page = studio_page
    open_workspace(page, "/studio/new/")
    put_cursor_after(page, "Template", '"size": ')
    page.keyboard.press("Control+Space")
    listbox = options(page)
    names = listbox.get_by_role("option").all_inner_texts()
    assert [name.split()[0] for name in names] == ['"sm"', '"md"', '"lg"', '"full"']


def test_it_inserts_a_component_with_its_required_props(studio_page):
    page = studio_page
    open_workspace(page, "/studio/new/")
    put_cursor_after(page, "Template", '"children": [')
    page.keyboard.press("Enter")
    page.keyboard.press("Control+Space")
    listbox = options(page)
    page.keyboard.type("Badg")
    expect(listbox.get_by_role("option").first).to_have_attribute("aria-selected", "true")
    expect(listbox.get_by_role("option").first).to_contain_text("Badge")
    page.keyboard.press("Enter")
    assert '{"type": "Badge", "label": ""},\n' in editor_text(page, "Template")


def test_it_completes_data_fields_in_jinja_expressions(studio_page):
    page = studio_page
    open_workspace(page, "/studio/new/?from=order_status")
    put_cursor_after(page, "Template", '"value": {{ item.')
    page.keyboard.press("Control+Space")
    listbox = options(page)
    for field in ["sku", "name", "quantity", "price", "image"]:
        expect(listbox.get_by_role("option", name=field, exact=False).first).to_be_visible()
