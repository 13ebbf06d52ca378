"""Accessible names: Labels point at their fields, icon buttons and groups are named."""

from __future__ import annotations

import pytest

from .samples import card


@pytest.mark.browser
def test_it_names_fields_and_controls(widgets, page):
    root = widgets.render(
        card(
            {"type": "Label", "value": "Email address", "fieldName": "user.email"},
            {"type": "Input", "name": "user.email", "inputType": "email"},
            {"type": "Label", "value": "Size", "fieldName": "size"},
            {"type": "Select", "name": "size", "options": [{"value": "s", "label": "Small"}]},
            {"type": "Label", "value": "Day", "fieldName": "day"},
            {"type": "DatePicker", "name": "day"},
            {"type": "Label", "value": "Colour", "fieldName": "colour"},
            {"type": "RadioGroup", "name": "colour", "options": [{"label": "Red", "value": "r"}]},
            {"type": "Textarea", "name": "bio", "placeholder": "About you"},
            {"type": "Input", "name": "nick_name"},
            {"type": "Button", "iconStart": "plus", "uniform": True},
        )
    )
    assert root.get_by_role("textbox", name="Email address").count() == 1
    assert root.get_by_role("combobox", name="Size").count() == 1
    assert root.get_by_label("Day").get_attribute("type") == "date"
    assert root.get_by_role("radiogroup", name="Colour").count() == 1
    assert root.get_by_role("textbox", name="About you").count() == 1
    assert root.get_by_role("textbox", name="Nick name").count() == 1
    assert root.get_by_role("button", name="Plus").count() == 1
    # Clicking a label focuses its field.
    root.get_by_text("Email address").click()
    assert page.evaluate("() => document.activeElement.name") == "user.email"


@pytest.mark.browser
def test_it_focuses_and_selects_on_mount(widgets, page):
    widgets.render(
        card(
            {
                "type": "Input",
                "name": "q",
                "defaultValue": "hello",
                "autoFocus": True,
                "autoSelect": True,
            }
        )
    )
    page.wait_for_function("() => document.activeElement?.name === 'q'")
    assert page.evaluate(
        "() => document.getSelection().toString() || document.activeElement.selectionEnd"
    ) in ("hello", 5)


@pytest.mark.browser
def test_it_shows_a_streaming_caret(widgets):
    root = widgets.render(
        card(
            {"type": "Text", "value": "Thinking", "streaming": True},
            {"type": "Markdown", "value": "So **far**", "streaming": True},
        )
    )
    assert root.locator(".ck-caret").count() == 2
    assert root.locator(".ck-caret").first.get_attribute("aria-hidden") == "true"
