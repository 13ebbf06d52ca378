"""Form values join the action payload by field name; dotted names nest."""

from __future__ import annotations

import pytest

from .samples import card, text

FORM = card(
    {
        "type": "Form",
        "onSubmitAction": {"type": "todo.save", "payload": {"list": "inbox", "todo": {"id": 7}}},
        "children": [
            {"type": "Input", "name": "todo.title", "placeholder": "Title"},
            {
                "type": "Input",
                "name": "todo.estimate",
                "inputType": "number",
                "placeholder": "Estimate",
            },
            {"type": "Checkbox", "name": "todo.urgent", "label": "Urgent"},
            {
                "type": "Checkbox",
                "name": "todo.private",
                "label": "Private",
                "defaultChecked": True,
            },
            {
                "type": "Select",
                "name": "todo.priority",
                "defaultValue": "low",
                "options": [{"value": "low", "label": "Low"}, {"value": "high", "label": "High"}],
            },
            {
                "type": "RadioGroup",
                "name": "todo.kind",
                "ariaLabel": "Kind",
                "options": [{"label": "Task", "value": "task"}, {"label": "Idea", "value": "idea"}],
            },
            {"type": "Textarea", "name": "todo.notes", "placeholder": "Notes"},
            {"type": "DatePicker", "name": "todo.due", "placeholder": "Due"},
            {
                "type": "Text",
                "value": "Chores",
                "editable": {"name": "todo.label", "placeholder": "Label"},
            },
            {"type": "Input", "name": "todo.locked", "defaultValue": "x", "disabled": True},
            {"type": "Button", "label": "Save", "submit": True},
        ],
    }
)


@pytest.mark.browser
def test_it_merges_form_values_into_payloads(widgets, page):
    root = widgets.render(FORM)
    root.get_by_placeholder("Title").fill("Buy milk")
    root.get_by_placeholder("Estimate").fill("2.5")
    root.get_by_label("Urgent").check()
    root.locator("select").select_option("high")
    root.get_by_label("Idea").check()
    root.get_by_placeholder("Notes").fill("Two\nlines")
    root.locator("input[type=date]").fill("2025-03-14")
    root.get_by_role("textbox", name="Label").fill("Errands")
    root.get_by_role("button", name="Save").click()

    [delivered] = widgets.actions()
    assert delivered["component"] == "Form"
    assert delivered["action"] == {
        "type": "todo.save",
        "handler": "server",
        "loadingBehavior": "auto",
        "streaming": True,
        "payload": {
            "list": "inbox",
            "todo": {
                "id": 7,
                "title": "Buy milk",
                "estimate": 2.5,
                "urgent": True,
                "private": True,
                "priority": "high",
                "kind": "idea",
                "notes": "Two\nlines",
                "due": "2025-03-14",
                "label": "Errands",
            },
        },
    }


@pytest.mark.browser
def test_it_leaves_empty_fields_null_or_empty(widgets):
    root = widgets.render(FORM)
    root.get_by_role("button", name="Save").click()

    todo = widgets.actions()[0]["action"]["payload"]["todo"]
    assert todo["title"] == ""
    assert todo["estimate"] is None
    assert todo["urgent"] is False
    assert todo["kind"] is None
    assert todo["due"] is None
    assert todo["label"] == "Chores"


@pytest.mark.browser
def test_it_keeps_the_payload_value_on_a_collision(widgets):
    root = widgets.render(
        card(
            {"type": "Input", "name": "mode", "defaultValue": "from-form"},
            {"type": "Input", "name": "extra", "defaultValue": "kept"},
            asForm=True,
            confirm={"label": "Go", "action": {"type": "go", "payload": {"mode": "from-payload"}}},
        )
    )
    root.get_by_role("button", name="Go").click()
    assert widgets.actions()[0]["action"]["payload"] == {"mode": "from-payload", "extra": "kept"}


@pytest.mark.browser
def test_it_sends_card_form_values_with_confirm_and_cancel(widgets):
    root = widgets.render(
        card(
            text("Rename"),
            {"type": "Input", "name": "file.name", "defaultValue": "draft.txt"},
            asForm=True,
            confirm={"label": "Rename", "action": {"type": "file.rename"}},
            cancel={"label": "Cancel", "action": {"type": "file.cancel", "handler": "client"}},
        )
    )
    root.get_by_role("textbox").fill("final.txt")
    root.get_by_role("button", name="Rename").click()
    widgets.settle()
    root.get_by_role("button", name="Cancel").click()

    confirm, cancel = widgets.actions()
    assert confirm["action"]["payload"] == {"file": {"name": "final.txt"}}
    assert confirm["component"] == "Card"
    assert cancel["action"]["type"] == "file.cancel"
    assert cancel["action"]["handler"] == "client"


@pytest.mark.browser
def test_it_sends_form_values_with_a_plain_button(widgets):
    # A non-submit button inside a form sends the values without validating them.
    root = widgets.render(
        card(
            {
                "type": "Form",
                "children": [
                    {"type": "Input", "name": "q", "required": True},
                    {
                        "type": "Button",
                        "label": "Draft",
                        "onClickAction": {"type": "draft", "payload": {"n": 1}},
                    },
                ],
            }
        )
    )
    root.get_by_role("button", name="Draft").click()
    [delivered] = widgets.actions()
    assert delivered["action"]["payload"] == {"n": 1, "q": ""}
    assert delivered["component"] == "Button"


@pytest.mark.browser
def test_it_sends_a_changed_value_outside_a_form(widgets):
    root = widgets.render(
        card(
            {
                "type": "Select",
                "name": "filter.status",
                "onChangeAction": {"type": "filter", "payload": {"page": 1}},
                "options": [{"value": "open", "label": "Open"}, {"value": "done", "label": "Done"}],
            },
            {
                "type": "Checkbox",
                "name": "archived",
                "label": "Archived",
                "onChangeAction": {"type": "toggle"},
            },
        )
    )
    root.locator("select").select_option("done")
    root.get_by_label("Archived").check()

    first, second = widgets.actions()
    assert first["action"]["payload"] == {"page": 1, "filter": {"status": "done"}}
    assert first["component"] == "Select"
    assert second["action"]["payload"] == {"archived": True}
