"""ListView: a limit hides the rest behind "Show more"; clickable rows work by keyboard."""

from __future__ import annotations

import pytest

from .samples import text


def items(count: int, clickable: bool = True) -> list[dict]:
    return [
        {
            "type": "ListViewItem",
            "children": [text(f"Item {i}")],
            **({"onClickAction": {"type": "open", "payload": {"i": i}}} if clickable else {}),
        }
        for i in range(count)
    ]


@pytest.mark.browser
def test_it_shows_more_list_items(widgets):
    root = widgets.render(
        {"type": "ListView", "limit": 2, "status": {"text": "Inbox"}, "children": items(5)}
    )
    rows = root.locator('[data-component="ListViewItem"]')
    assert rows.filter(visible=True).count() == 2
    assert root.get_by_text("Inbox").is_visible()

    root.get_by_role("button", name="Show more").click()
    assert rows.filter(visible=True).count() == 5
    assert root.get_by_role("button", name="Show more").count() == 0


@pytest.mark.browser
def test_it_activates_rows_by_keyboard(widgets, page):
    root = widgets.render({"type": "ListView", "children": items(3)})
    row = root.get_by_role("button", name="Item 1")
    row.focus()
    page.keyboard.press("Enter")
    root.get_by_role("button", name="Item 2").focus()
    page.keyboard.press(" ")
    root.get_by_role("button", name="Item 0").click()

    assert [a["action"]["payload"]["i"] for a in widgets.actions()] == [1, 2, 0]
    assert {a["component"] for a in widgets.actions()} == {"ListViewItem"}


@pytest.mark.browser
def test_it_leaves_plain_rows_alone(widgets):
    root = widgets.render({"type": "ListView", "children": items(2, clickable=False)})
    assert root.get_by_role("button").count() == 0
    assert root.locator("[tabindex]").count() == 0


@pytest.mark.browser
def test_it_keeps_inner_buttons_separate(widgets):
    row = items(1)[0]
    row["children"].append(
        {"type": "Button", "label": "Delete", "onClickAction": {"type": "delete"}}
    )
    root = widgets.render({"type": "ListView", "children": [row]})
    root.get_by_role("button", name="Delete", exact=True).click()
    assert [a["action"]["type"] for a in widgets.actions()] == ["delete"]
