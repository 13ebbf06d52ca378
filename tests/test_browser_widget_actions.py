"""Widgets in the chat: rendered by render.js, actions reach the agent once with form values."""

import json
import re

import pytest
from playwright.sync_api import expect

from chatkit.models import Response, ThreadItem
from tests.browser import open_chat, send

pytestmark = pytest.mark.browser


def test_it_submits_a_form_once_with_its_values(page, live_server, demo_deployment):
    frame = open_chat(page, live_server.url)
    send(frame, "/widget contact_form")
    widget = frame.locator("[data-item-type=widget]").last
    expect(widget.locator("[data-component=Card]")).to_be_visible()
    widget.get_by_role("textbox", name="Full name").fill("Ada Lovelace")
    widget.get_by_role("textbox", name="Work e-mail").fill("ada@example.com")
    widget.get_by_role("textbox", name="How can we help?").fill("We need 40 seats.")
    submit = widget.get_by_role("button", name="Send message")
    # Native validation first: the consent box is required, nothing is sent yet.
    submit.click()
    page.wait_for_timeout(300)
    assert Response.objects.count() == 1
    widget.get_by_role("checkbox", name=re.compile("agree to be contacted")).check()
    submit.dblclick()
    answer = frame.locator("[data-item-type=assistant_message]").last
    expect(answer).to_contain_text("contact.submit")
    expect(frame.get_by_role("button", name="Send")).to_be_visible()
    page.wait_for_timeout(500)
    assert Response.objects.count() == 2  # the widget, then exactly one action
    payload = json.loads(answer.locator("pre code").inner_text())
    assert payload["team"] == "sales"
    assert payload["contact"]["name"] == "Ada Lovelace"
    assert payload["contact"]["email"] == "ada@example.com"
    assert payload["contact"]["message"] == "We need 40 seats."
    assert payload["contact"]["consent"] is True
    assert not page.js_errors


def test_it_updates_the_widget_the_agent_changes(page, live_server, demo_deployment):
    frame = open_chat(page, live_server.url)
    send(frame, "/widget confirmation")
    widget = frame.locator("[data-item-type=widget]").last
    item_id = widget.get_attribute("data-item-id")
    before = ThreadItem.objects.get(pk=item_id).data["widget"]
    confirm = widget.locator("[data-component=Card] button").first
    confirm.click()
    expect(frame.locator("[data-item-type=assistant_message]").last).to_contain_text("Received the")
    after = ThreadItem.objects.get(pk=item_id).data["widget"]
    assert after != before
    page.wait_for_timeout(300)
    assert widget.locator("[data-component=Card]").count() == 1


def test_it_shows_the_widget_gallery_list_and_widgets_in_dark_mode(
    browser, live_server, demo_deployment
):
    context = browser.new_context(viewport={"width": 420, "height": 720}, color_scheme="dark")
    page = context.new_page()
    frame = open_chat(page, live_server.url)
    send(frame, "/widget")
    expect(frame.locator("[data-item-type=assistant_message]").last).to_contain_text("order_status")
    send(frame, "/widget metrics_chart")
    expect(frame.locator("[data-item-type=widget] [data-component=Chart]").last).to_be_visible()
    expect(frame.locator("[data-item-type=widget] [data-color-scheme=dark]").last).to_be_attached()
    context.close()
