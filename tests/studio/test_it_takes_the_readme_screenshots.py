"""The README's studio tour: screenshots of the real studio, taken as it is exercised."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.studio.browser import open_workspace, preview, problems, replace_selection, select_text
from widgets.gallery import gallery
from widgets.models import WidgetTemplate

pytestmark = pytest.mark.browser

# The README's copies are refreshed on request (`UPDATE_SCREENSHOTS=1 make test`), so a
# plain test run leaves the working tree clean; otherwise they go to var/.
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = (
    ROOT / ("docs" if os.environ.get("UPDATE_SCREENSHOTS") == "1" else "var") / "screenshots"
)
VIEWPORT = {"width": 1200, "height": 740}


def shoot(page, name: str, **options) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(300)  # let transitions settle
    page.screenshot(path=SCREENSHOTS / f"{name}.png", animations="disabled", **options)


@pytest.fixture
def tour_page(studio_page, transactional_db):
    studio_page.set_viewport_size(VIEWPORT)
    widget_file = gallery()["weather"]
    widget_file.name = "Weather card"
    template = WidgetTemplate(name="weather_card", title=widget_file.name)
    template.save_version(widget_file, message="Imported from the gallery")
    widget_file.template = widget_file.template.replace('"size": "sm"', '"size": "md"', 1)
    template.save_version(widget_file, message="Wider card for the forecast")
    return studio_page


def test_it_shows_the_gallery(tour_page):
    page = tour_page
    page.goto(page.base_url + "/studio/")
    expect(page.locator("#own-templates .card")).to_have_count(1)
    expect(page.locator("#builtin-templates .card [data-component]").first).to_be_visible()
    shoot(page, "studio-gallery", clip={"x": 0, "y": 0, "width": 1200, "height": 600})


def test_it_shows_a_problem_and_the_stale_preview(tour_page):
    page = tour_page
    open_workspace(page, "/studio/new/?from=order_status")
    select_text(page, "Template", '"variant": "soft"')
    replace_selection(page, '"variant": "glossy"')
    expect(problems(page).get_by_role("button").first).to_contain_text(
        "/children/0/children/2/variant"
    )
    expect(preview(page)).to_have_attribute("data-stale", "")
    problems(page).get_by_role("button").first.click()
    shoot(page, "studio-problems")


def test_it_shows_an_action_payload(tour_page):
    page = tour_page
    page.emulate_media(color_scheme="dark")
    open_workspace(page, "/studio/new/?from=booking_form")
    light = preview(page).locator('.surface[data-scheme="light"]')
    light.get_by_role("textbox", name="Name for the booking").fill("Ana Lima")
    light.get_by_role("button", name="Book table").click()
    expect(page.get_by_label("Action payload JSON")).to_contain_text("Ana Lima")
    expect(light.locator(".ck-widget")).not_to_have_attribute("aria-busy", "true")
    shoot(page, "studio-action-payload")


def test_it_shows_history_with_a_diff(tour_page):
    page = tour_page
    open_workspace(page, "/studio/templates/weather_card/")
    page.get_by_role("button", name="History").click()
    expect(page.get_by_text("Changes in version 2")).to_be_visible()
    shoot(page, "studio-history")


def test_it_shows_the_widget_in_the_real_chat(tour_page, demo_deployment):
    page = tour_page
    open_workspace(page, "/studio/templates/weather_card/")
    page.get_by_role("button", name="Try in chat").click()
    page.get_by_role("button", name="Send to chat").click()
    chat = page.frame_locator("#try-chat iframe")
    expect(chat.locator("[data-item-type=widget] [data-component=Card]")).to_contain_text("Lisbon")
    expect(chat.get_by_role("button", name="Stop")).to_be_hidden()
    shoot(page, "studio-try-in-chat")
