"""Long option lists become a searchable, keyboard-driven combobox."""

from __future__ import annotations

import pytest

from .samples import card

COUNTRIES = [
    "Argentina",
    "Australia",
    "Austria",
    "Belgium",
    "Brazil",
    "Canada",
    "Chile",
    "Denmark",
    "Egypt",
    "Finland",
    "France",
    "Germany",
    "Iceland",
    "India",
    "Japan",
    "Kenya",
    "Norway",
    "Peru",
]


def select(**props) -> dict:
    options = [{"value": name[:3].lower(), "label": name} for name in COUNTRIES]
    options[3]["disabled"] = True
    options[4]["description"] = "Largest in South America"
    return card(
        {
            "type": "Select",
            "name": "trip.country",
            "placeholder": "Country",
            "onChangeAction": {"type": "pick"},
            "options": options,
            **props,
        }
    )


@pytest.mark.browser
def test_it_searches_long_selects(widgets, page):
    root = widgets.render(select())
    box = root.get_by_role("combobox", name="Country")
    assert root.locator("select").count() == 0

    box.click()
    listbox = page.get_by_role("listbox")
    assert listbox.is_visible()
    assert listbox.get_by_role("option").count() == len(COUNTRIES)

    box.fill("an")
    visible = listbox.get_by_role("option").all_inner_texts()
    assert visible == ["Canada", "Finland", "France", "Germany", "Iceland", "Japan"]
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == listbox.get_by_role(
        "option", name="Finland"
    ).get_attribute("id")
    box.press("Enter")

    assert box.input_value() == "Finland"
    assert box.get_attribute("aria-expanded") == "false"
    assert widgets.actions()[0]["action"]["payload"] == {"trip": {"country": "fin"}}


@pytest.mark.browser
def test_it_skips_disabled_options_and_closes_on_escape(widgets, page):
    root = widgets.render(select(defaultValue="arg"))
    box = root.get_by_role("combobox")
    assert box.input_value() == "Argentina"

    box.focus()
    box.press("ArrowDown")  # opens on the selected option
    listbox = page.get_by_role("listbox")
    assert listbox.is_visible()
    for _ in range(3):
        box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert listbox.locator(f"#{active}").inner_text().startswith("Brazil")  # Belgium is disabled
    assert "Largest in South America" in listbox.locator(f"#{active}").inner_text()

    box.press("Escape")
    assert listbox.is_hidden()
    assert box.input_value() == "Argentina"
    assert widgets.actions() == []


@pytest.mark.browser
def test_it_picks_with_the_pointer_and_clears(widgets, page):
    root = widgets.render(select(clearable=True))
    root.get_by_role("combobox").click()
    page.get_by_role("option", name="Kenya").click()
    assert root.get_by_role("combobox").input_value() == "Kenya"

    root.get_by_role("button", name="Clear selection").click()
    assert root.get_by_role("combobox").input_value() == ""
    payloads = [a["action"]["payload"] for a in widgets.actions()]
    assert payloads == [{"trip": {"country": "ken"}}, {"trip": {"country": None}}]


@pytest.mark.browser
def test_it_keeps_short_lists_native(widgets):
    root = widgets.render(
        card(
            {
                "type": "Select",
                "name": "s",
                "options": [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}],
            }
        )
    )
    assert root.locator("select[name=s]").count() == 1
    forced = widgets.render(
        card(
            {
                "type": "Select",
                "name": "s",
                "searchable": True,
                "options": [{"value": "a", "label": "A"}],
            }
        )
    )
    assert forced.get_by_role("combobox").count() == 1
