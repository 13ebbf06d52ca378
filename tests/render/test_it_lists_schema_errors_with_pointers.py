"""Invalid widgets show which part is wrong, by JSON pointer, instead of rendering."""

from __future__ import annotations

import pytest

from .samples import card, text


@pytest.mark.browser
def test_it_lists_schema_errors_with_pointers(widgets):
    root = widgets.render(
        card(
            text("ok"),
            {"type": "Txt", "value": "typo"},
            text("bad size", size="huge"),
            {
                "type": "Button",
                "label": "Go",
                "onClickAction": {"type": "go", "loadingBehavior": "sometimes"},
            },
            {"type": "Row", "children": [text("x")], "sparkle": True},
        )
    )
    error = root.locator("[data-widget-error]")

    assert root.get_attribute("data-state") == "invalid"
    assert error.get_by_text("This widget can't be displayed").is_visible()
    pointers = error.locator(".ck-error-pointer").all_inner_texts()
    assert pointers == [
        "/children/1/type",
        "/children/2/size",
        "/children/3/onClickAction/loadingBehavior",
        "/children/4/sparkle",
    ]
    assert "Unknown property" in error.inner_text()
    assert root.locator("[data-component]").count() == 0


@pytest.mark.browser
def test_it_caps_the_error_list(widgets):
    root = widgets.render(card(*[text("x", size="huge") for _ in range(20)]))
    error = root.locator("[data-widget-error]")
    assert error.locator(".ck-error-pointer").count() == 8
    assert "and 12 more" in error.inner_text()


@pytest.mark.browser
def test_it_rejects_a_non_root(widgets):
    root = widgets.render(text("I am not a root"))
    assert root.get_attribute("data-state") == "invalid"
    assert root.locator(".ck-error-pointer").first.inner_text() in ("/type", "/")
