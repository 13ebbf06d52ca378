"""update(element, widget) re-renders in place, keeping what the user typed and animating Transitions."""

from __future__ import annotations

import pytest

from .samples import card, text


def form(status: str, *, default: str = "", extra: bool = False) -> dict:
    body = [
        text(status),
        {"type": "Input", "name": "title", "defaultValue": default, "placeholder": "Title"},
        {
            "type": "Transition",
            "children": {
                "type": "Col",
                "gap": 2,
                "children": [text("More"), text("Even more")] if extra else [text("More")],
            },
        },
    ]
    return card(*body, asForm=True, confirm={"label": "Save", "action": {"type": "save"}})


def update(page, widget) -> None:
    page.evaluate("(widget) => window.__module.update(window.__widget, widget)", widget)


@pytest.mark.browser
def test_it_updates_widgets_in_place(widgets, page):
    root = widgets.render(form("Draft"))
    root.get_by_placeholder("Title").fill("Typed by the user")
    root.get_by_placeholder("Title").focus()

    update(page, form("Saving…", extra=True))

    assert root.get_by_text("Saving…").is_visible()
    assert root.get_by_placeholder("Title").input_value() == "Typed by the user"
    assert page.evaluate("() => document.activeElement.name") == "title"
    assert (
        page.evaluate("() => document.querySelector('.ck-transition').getAnimations().length") >= 1
    )
    root.get_by_role("button", name="Save").click()
    assert widgets.actions()[0]["action"]["payload"] == {"title": "Typed by the user"}


@pytest.mark.browser
def test_it_lets_a_new_default_win(widgets, page):
    root = widgets.render(form("Draft"))
    root.get_by_placeholder("Title").fill("Typed")
    update(page, form("Reset", default="From the server"))
    assert root.get_by_placeholder("Title").input_value() == "From the server"


@pytest.mark.browser
def test_it_turns_an_invalid_update_into_the_error_box(widgets, page):
    root = widgets.render(form("Draft"))
    update(page, {"type": "Card", "children": [{"type": "Nope"}]})
    assert root.get_attribute("data-state") == "invalid"
    update(page, form("Fixed"))
    assert root.get_by_text("Fixed").is_visible()
