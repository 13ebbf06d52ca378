"""Try in chat: the real chat, mounted inline, shows the saved template via the demo agent."""

import pytest
from playwright.sync_api import expect

from chatkit.keys import issue_keys
from chatkit.models import Deployment
from tests.studio.browser import open_workspace
from widgets.gallery import gallery
from widgets.models import WidgetTemplate

pytestmark = pytest.mark.browser


def test_it_sends_the_saved_template_to_a_demo_deployment(studio_page, demo_deployment):
    other = Deployment(
        name="Support bot", agent="http", agent_config={"url": "https://bot.example"}
    )
    issue_keys(other)
    other.save()
    widget_file = gallery()["weather"]
    widget_file.name = "Studio weather"
    template = WidgetTemplate(name="studio_weather", title="Studio weather")
    template.save_version(widget_file, message="first")

    page = studio_page
    open_workspace(page, "/studio/templates/studio_weather/")
    page.get_by_role("button", name="Try in chat").click()
    drawer = page.get_by_role("complementary", name="Try in chat")
    picker = drawer.get_by_role("combobox", name="Deployment")
    expect(picker).to_have_value("pk_demo")
    expect(picker.locator("option", has_text="Support bot")).to_be_disabled()
    expect(drawer).to_contain_text("only deployments with the built-in demo agent answer that")
    drawer.get_by_role("button", name="Send to chat").click()
    chat = page.frame_locator("#try-chat iframe")
    expect(chat.locator("[data-item-type=user_message]")).to_contain_text("/widget studio_weather")
    widget = chat.locator("[data-item-type=widget] [data-component=Card]")
    expect(widget).to_contain_text("Lisbon")


def test_it_asks_to_save_first(studio_page, demo_deployment):
    page = studio_page
    open_workspace(page, "/studio/new/")
    page.get_by_role("button", name="Try in chat").click()
    drawer = page.get_by_role("complementary", name="Try in chat")
    expect(drawer.get_by_text("Save the template first")).to_be_visible()
    expect(drawer.get_by_role("button", name="Send to chat")).to_be_disabled()
