"""Light and dark: the colorScheme option, the user's preference, and a root's own theme."""

from __future__ import annotations

import pytest

from .samples import card, text

SURFACE = "(el) => getComputedStyle(el.querySelector('.ck-card')).backgroundColor"


@pytest.mark.browser
@pytest.mark.parametrize(
    ("preference", "option", "expected"),
    [
        ("light", None, "rgb(255, 255, 255)"),
        ("dark", None, "rgb(33, 33, 33)"),
        ("light", "dark", "rgb(33, 33, 33)"),
        ("dark", "light", "rgb(255, 255, 255)"),
    ],
)
def test_it_follows_the_color_scheme(widgets, page, preference, option, expected):
    page.emulate_media(color_scheme=preference)
    root = widgets.render(card(text("Hello")), color_scheme=option)
    assert root.evaluate(SURFACE) == expected


@pytest.mark.browser
def test_it_lets_a_card_force_its_theme(widgets):
    root = widgets.render(card(text("Night"), theme="dark"), color_scheme="light")
    assert root.evaluate(SURFACE) == "rgb(33, 33, 33)"


@pytest.mark.browser
def test_it_picks_themed_colors_and_gradients(widgets, page):
    widget = card(
        {
            "type": "Box",
            "size": 10,
            "background": {
                "light": "linear-gradient(red, blue)",
                "dark": "linear-gradient(green, black)",
            },
        },
        text("Tinted", color={"light": "#ff0000", "dark": "#00ff00"}),
    )
    root = widgets.render(widget, color_scheme="dark")
    assert "rgb(0, 128, 0)" in root.locator('[data-component="Box"]').evaluate(
        "(el) => getComputedStyle(el).backgroundImage"
    )
    assert (
        root.get_by_text("Tinted").evaluate("(el) => getComputedStyle(el).color")
        == "rgb(0, 255, 0)"
    )
    root = widgets.render(widget, color_scheme="light")
    assert (
        root.get_by_text("Tinted").evaluate("(el) => getComputedStyle(el).color")
        == "rgb(255, 0, 0)"
    )


@pytest.mark.browser
def test_it_lets_the_page_override_the_accent(widgets, page):
    root = widgets.render(card({"type": "Button", "label": "Go"}))
    page.evaluate("() => document.body.style.setProperty('--ck-accent', 'rgb(109, 40, 217)')")
    button = root.get_by_role("button", name="Go")
    # After the colour transition.
    page.wait_for_function(
        "(el) => getComputedStyle(el).backgroundColor === 'rgb(109, 40, 217)'",
        arg=button.element_handle(),
    )
