"""While onAction's promise is pending the bound control, or the whole widget, shows it."""

from __future__ import annotations

import pytest

from .samples import card, text


def state(page) -> dict:
    return page.evaluate(
        """() => {
          const widget = window.__widget;
          return {
            widgetLoading: widget.hasAttribute("data-loading"),
            inert: widget.inert,
            loading: [...widget.querySelectorAll("[data-loading]")].map((el) => el.dataset.component ?? el.tagName),
            disabled: [...widget.querySelectorAll("button:disabled, select:disabled")].map((el) => el.textContent || el.name),
          };
        }"""
    )


IDLE = {"widgetLoading": False, "inert": False, "loading": [], "disabled": []}


@pytest.mark.browser
def test_it_shows_a_button_busy_by_default(widgets, page):
    root = widgets.render(
        card({"type": "Button", "label": "Save", "onClickAction": {"type": "save"}}), pending=True
    )
    root.get_by_role("button", name="Save").click()

    assert state(page) == {
        "widgetLoading": False,
        "inert": False,
        "loading": ["Button"],
        "disabled": ["Save"],
    }
    assert root.get_by_role("button", name="Save").get_attribute("aria-busy") == "true"
    widgets.settle()
    page.wait_for_function("() => !document.querySelector('[data-loading]')")
    assert state(page) == IDLE


@pytest.mark.browser
def test_it_dims_the_widget_for_card_confirm(widgets, page):
    root = widgets.render(
        card(text("Book it?"), confirm={"label": "Book", "action": {"type": "book"}}),
        pending=True,
    )
    root.get_by_role("button", name="Book").click()

    current = state(page)
    assert current["widgetLoading"] is True
    assert current["inert"] is True
    # Inert: clicks do nothing until it settles.
    root.get_by_role("button", name="Book").click(force=True)
    assert len(widgets.actions()) == 1
    widgets.settle()
    page.wait_for_function("() => !window.__widget.inert")
    assert state(page) == IDLE


@pytest.mark.browser
def test_it_shows_nothing_for_a_select_change(widgets, page):
    root = widgets.render(
        card(
            {
                "type": "Select",
                "name": "sort",
                "onChangeAction": {"type": "sort"},
                "options": [
                    {"value": "new", "label": "Newest"},
                    {"value": "old", "label": "Oldest"},
                ],
            }
        ),
        pending=True,
    )
    root.locator("select").select_option("old")
    assert len(widgets.actions()) == 1
    assert state(page) == IDLE


@pytest.mark.browser
@pytest.mark.parametrize(
    ("behavior", "expected"),
    [
        ("none", IDLE),
        (
            "self",
            {"widgetLoading": False, "inert": False, "loading": ["Button"], "disabled": ["Go"]},
        ),
        ("container", {"widgetLoading": True, "inert": True, "loading": [], "disabled": []}),
    ],
)
def test_it_follows_an_explicit_loading_behavior(widgets, page, behavior, expected):
    root = widgets.render(
        card(
            {
                "type": "Button",
                "label": "Go",
                "onClickAction": {"type": "go", "loadingBehavior": behavior},
            }
        ),
        pending=True,
    )
    root.get_by_role("button", name="Go").click()
    assert state(page) == expected
    widgets.settle()
    page.wait_for_function("() => !document.querySelector('[data-loading]')")
    assert state(page) == IDLE


@pytest.mark.browser
def test_it_marks_a_list_item_busy(widgets, page):
    root = widgets.render(
        {
            "type": "ListView",
            "children": [
                {
                    "type": "ListViewItem",
                    "onClickAction": {"type": "open"},
                    "children": [text("Open me")],
                }
            ],
        },
        pending=True,
    )
    item = root.get_by_role("button", name="Open me")
    item.click()
    item.click(force=True)
    assert len(widgets.actions()) == 1
    assert item.get_attribute("aria-busy") == "true"
    assert item.get_attribute("aria-disabled") == "true"
