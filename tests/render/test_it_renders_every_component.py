"""Every catalog component renders from a valid document, with its data-component marker."""

from __future__ import annotations

import pytest

from .samples import card, text

PIXEL = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="

# component type → (widget, text the user should see, or a CSS selector inside the component)
CASES = {
    "Card": (card(text("In a card")), "In a card"),
    "ListView": (
        {"type": "ListView", "children": [{"type": "ListViewItem", "children": [text("Row one")]}]},
        "Row one",
    ),
    "ListViewItem": (
        {"type": "ListView", "children": [{"type": "ListViewItem", "children": [text("An item")]}]},
        "An item",
    ),
    "Basic": ({"type": "Basic", "children": [text("Bare")]}, "Bare"),
    "Box": (card({"type": "Box", "direction": "row", "children": [text("Boxed")]}), "Boxed"),
    "Row": (card({"type": "Row", "children": [text("Left"), text("Right")]}), "Right"),
    "Col": (card({"type": "Col", "children": [text("Top"), text("Bottom")]}), "Bottom"),
    "Form": (card({"type": "Form", "children": [{"type": "Input", "name": "q"}]}), "input[name=q]"),
    "Spacer": (
        card({"type": "Row", "children": [text("A"), {"type": "Spacer", "minSize": 8}, text("B")]}),
        None,
    ),
    "Divider": (card(text("Above"), {"type": "Divider"}, text("Below")), None),
    "Transition": (card({"type": "Transition", "children": text("Animated")}), "Animated"),
    "Text": (card(text("Plain words")), "Plain words"),
    "Title": (card({"type": "Title", "value": "Headline"}), "Headline"),
    "Caption": (card({"type": "Caption", "value": "Small print"}), "Small print"),
    "Markdown": (card({"type": "Markdown", "value": "Some **bold** text"}), "strong"),
    "Label": (
        card(
            {"type": "Label", "value": "Email", "fieldName": "email"},
            {"type": "Input", "name": "email"},
        ),
        "Email",
    ),
    "Badge": (card({"type": "Badge", "label": "Beta"}), "Beta"),
    "Icon": (card({"type": "Icon", "name": "sparkle"}), "path"),
    "Image": (card({"type": "Image", "src": PIXEL, "alt": "A dot", "size": 24}), None),
    "Button": (card({"type": "Button", "label": "Press me"}), "Press me"),
    "Input": (card({"type": "Input", "name": "city", "defaultValue": "Oslo"}), None),
    "Textarea": (card({"type": "Textarea", "name": "notes", "defaultValue": "Line"}), None),
    "Select": (
        card({"type": "Select", "name": "size", "options": [{"value": "s", "label": "Small"}]}),
        "option",
    ),
    "DatePicker": (
        card({"type": "DatePicker", "name": "day", "defaultValue": "2025-03-14T09:30:00Z"}),
        "input[type=date]",
    ),
    "Checkbox": (card({"type": "Checkbox", "name": "ok", "label": "I agree"}), "I agree"),
    "RadioGroup": (
        card({"type": "RadioGroup", "name": "pick", "options": [{"label": "One", "value": "1"}]}),
        "One",
    ),
    "Chart": (
        card(
            {
                "type": "Chart",
                "xAxis": "x",
                "data": [{"x": "a", "y": 1}],
                "series": [{"type": "bar", "dataKey": "y", "label": "Y"}],
            }
        ),
        "svg",
    ),
    "Table": (
        card(
            {
                "type": "Table",
                "children": [
                    {
                        "type": "Table.Row",
                        "children": [{"type": "Table.Cell", "children": [text("Cell")]}],
                    }
                ],
            }
        ),
        "table",
    ),
    "Table.Row": (
        card(
            {
                "type": "Table",
                "children": [
                    {
                        "type": "Table.Row",
                        "children": [{"type": "Table.Cell", "children": [text("R")]}],
                    }
                ],
            }
        ),
        None,
    ),
    "Table.Cell": (
        card(
            {
                "type": "Table",
                "children": [
                    {
                        "type": "Table.Row",
                        "children": [{"type": "Table.Cell", "children": [text("C")]}],
                    }
                ],
            }
        ),
        "C",
    ),
}


@pytest.mark.browser
@pytest.mark.parametrize("component", CASES)
def test_it_renders_every_component(widgets, component):
    widget, expected = CASES[component]
    root = widgets.render(widget)

    assert root.get_attribute("data-state") == "ready"
    element = root.locator(f'[data-component="{component}"]').first
    assert element.count() == 1
    if expected is None:
        return
    if expected[0].isupper():
        assert expected in element.inner_text()
    else:
        assert element.locator(expected).count() >= 1 or element.evaluate(
            f"(el) => el.matches({expected!r})"
        )


@pytest.mark.browser
def test_it_shows_field_values_and_images(widgets):
    root = widgets.render(
        card(
            {"type": "Input", "name": "city", "defaultValue": "Oslo"},
            {"type": "Textarea", "name": "notes", "defaultValue": "Two\nlines"},
            {
                "type": "DatePicker",
                "name": "day",
                "defaultValue": "2025-03-14T09:30:00Z",
                "min": "2025-01-01",
            },
            {"type": "Image", "src": PIXEL, "alt": "A dot", "size": 24},
        )
    )
    assert root.locator("input[name=city]").input_value() == "Oslo"
    assert root.locator("textarea[name=notes]").input_value() == "Two\nlines"
    assert root.locator("input[name=day]").input_value() == "2025-03-14"
    assert root.locator("input[name=day]").get_attribute("min") == "2025-01-01"
    assert root.get_by_role("img", name="A dot").get_attribute("src") == PIXEL
