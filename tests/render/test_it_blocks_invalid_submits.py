"""Submitting runs native form validation (required, pattern) before any action."""

from __future__ import annotations

import pytest

from .samples import card


def form(*fields) -> dict:
    return card(
        {
            "type": "Form",
            "onSubmitAction": {"type": "submit"},
            "children": [*fields, {"type": "Button", "label": "Submit", "submit": True}],
        }
    )


@pytest.mark.browser
def test_it_blocks_a_missing_required_field(widgets):
    root = widgets.render(
        form(
            {
                "type": "Input",
                "name": "email",
                "inputType": "email",
                "required": True,
                "placeholder": "Email",
            }
        )
    )
    root.get_by_role("button", name="Submit").click()
    assert widgets.actions() == []
    assert root.get_by_placeholder("Email").evaluate("(el) => el.validity.valueMissing")

    root.get_by_placeholder("Email").fill("not-an-email")
    root.get_by_role("button", name="Submit").click()
    assert widgets.actions() == []

    root.get_by_placeholder("Email").fill("ada@example.com")
    root.get_by_role("button", name="Submit").click()
    assert widgets.actions()[0]["action"]["payload"] == {"email": "ada@example.com"}


@pytest.mark.browser
def test_it_blocks_a_pattern_mismatch(widgets):
    root = widgets.render(
        form(
            {"type": "Input", "name": "zip", "pattern": "[0-9]{5}", "placeholder": "ZIP"},
            {"type": "Textarea", "name": "code", "pattern": "[A-Z]+", "placeholder": "Code"},
        )
    )
    root.get_by_placeholder("ZIP").fill("12ab")
    root.get_by_role("button", name="Submit").click()
    assert widgets.actions() == []

    root.get_by_placeholder("ZIP").fill("12345")
    root.get_by_placeholder("Code").fill("lower")
    root.get_by_role("button", name="Submit").click()
    assert widgets.actions() == []

    root.get_by_placeholder("Code").fill("UPPER")
    root.get_by_role("button", name="Submit").click()
    assert widgets.actions()[0]["action"]["payload"] == {"zip": "12345", "code": "UPPER"}


@pytest.mark.browser
def test_it_blocks_card_confirm_until_valid(widgets):
    root = widgets.render(
        card(
            {"type": "Checkbox", "name": "terms", "label": "I accept", "required": True},
            {
                "type": "RadioGroup",
                "name": "plan",
                "ariaLabel": "Plan",
                "required": True,
                "options": [{"label": "Free", "value": "free"}, {"label": "Pro", "value": "pro"}],
            },
            asForm=True,
            confirm={"label": "Continue", "action": {"type": "signup"}},
        )
    )
    root.get_by_role("button", name="Continue").click()
    assert widgets.actions() == []

    root.get_by_label("I accept").check()
    root.get_by_label("Pro").check()
    root.get_by_role("button", name="Continue").click()
    assert widgets.actions()[0]["action"]["payload"] == {"terms": True, "plan": "pro"}


@pytest.mark.browser
def test_it_submits_with_enter(widgets):
    root = widgets.render(
        form({"type": "Input", "name": "q", "required": True, "placeholder": "Search"})
    )
    root.get_by_placeholder("Search").fill("chairs")
    root.get_by_placeholder("Search").press("Enter")
    assert widgets.actions()[0]["action"]["payload"] == {"q": "chairs"}
