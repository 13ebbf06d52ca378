"""An action is delivered once: repeated clicks while it is pending do nothing."""

from __future__ import annotations

import pytest

from .samples import card


@pytest.mark.browser
def test_it_does_not_double_submit_while_pending(widgets, page):
    root = widgets.render(
        card(
            {
                "type": "Button",
                "label": "Pay",
                "onClickAction": {"type": "pay", "payload": {"amount": 5}},
            }
        ),
        pending=True,
    )
    button = root.get_by_role("button", name="Pay")
    button.dblclick()
    button.click(force=True)
    assert len(widgets.actions()) == 1

    widgets.settle()
    page.wait_for_function("() => !document.querySelector('[data-loading]')")
    button.click()
    assert len(widgets.actions()) == 2


@pytest.mark.browser
def test_it_does_not_double_submit_a_form(widgets):
    root = widgets.render(
        card(
            {"type": "Input", "name": "q", "placeholder": "Query"},
            asForm=True,
            confirm={"label": "Send", "action": {"type": "send", "loadingBehavior": "none"}},
        ),
        pending=True,
    )
    field = root.get_by_placeholder("Query")
    field.fill("hello")
    field.press("Enter")
    field.press("Enter")
    root.get_by_role("button", name="Send").click()
    assert len(widgets.actions()) == 1


@pytest.mark.browser
def test_it_ignores_a_double_click_with_a_synchronous_handler(widgets):
    root = widgets.render(
        card({"type": "Button", "label": "Like", "onClickAction": {"type": "like"}})
    )
    root.get_by_role("button", name="Like").dblclick()
    assert len(widgets.actions()) == 1
