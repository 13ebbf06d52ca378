"""The action simulator shows form values merged into the payload, as the agent receives them."""

import json

import pytest
from playwright.sync_api import expect

from tests.studio.browser import open_workspace, preview

pytestmark = pytest.mark.browser


def test_it_merges_what_was_typed_into_the_payload(studio_page):
    page = studio_page
    open_workspace(page, "/studio/new/?from=booking_form")
    light = preview(page).locator('.surface[data-scheme="light"]')
    light.get_by_role("textbox", name="Name for the booking").fill("Ana Lima")
    light.get_by_role("checkbox", name="Text me a reminder the day before").uncheck()
    light.get_by_role("button", name="Book table").click()
    log = page.get_by_role("region", name="Action payload")
    expect(log.get_by_label("Action payload JSON")).to_contain_text("Ana Lima")
    action = json.loads(log.get_by_label("Action payload JSON").inner_text())
    assert action["type"] == "booking.submit"
    assert action["loadingBehavior"] == "container"
    assert action["payload"]["restaurant"] == "Casa Azul"
    booking = action["payload"]["booking"]
    assert (booking["name"], booking["reminder"], booking["guests"]) == ("Ana Lima", False, "2")
    expect(log).to_contain_text("Card in the light preview")
    # The widget shows the loading state it would show while the agent answers, then recovers.
    expect(light.locator(".ck-widget")).to_have_attribute("aria-busy", "true")
    expect(light.locator(".ck-widget")).not_to_have_attribute("aria-busy", "true")
