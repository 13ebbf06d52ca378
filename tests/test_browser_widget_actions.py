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
    confirm = widget.get_by_role("button", name="Send $1,250.00")
    expect(confirm).to_be_visible()
    item_id = widget.get_attribute("data-item-id")
    before = ThreadItem.objects.get(pk=item_id).data["widget"]
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


def test_it_hands_client_actions_to_the_host_page(page, live_server, demo_deployment):
    from chatkit.keys import issue_keys
    from chatkit.models import Deployment

    card = {
        "type": "Card",
        "children": [
            {"type": "Text", "value": "Add the jacket to your cart?"},
            {
                "type": "Button",
                "label": "Add to cart",
                "onClickAction": {
                    "type": "cart.add",
                    "payload": {"sku": "FJ-1"},
                    "handler": "client",
                },
            },
        ],
    }
    shop = Deployment(
        name="Shop",
        allowed_origins=[live_server.url],
        agent="python",
        agent_config={"path": "tests.agents:WidgetAgent", "options": {"widget": card}},
    )
    issue_keys(shop)
    shop.save()
    page.goto(live_server.url + "/")
    page.wait_for_function("() => window.chatkit && window.chatkit.__chatkit")
    page.evaluate(
        """(key) => {
            const box = document.createElement("div");
            box.id = "shop-chat";
            box.style.height = "560px";
            document.querySelector("#help").append(box);
            window.hostActions = [];
            const chat = window.chatkit.mount({ deployment: key, mode: "inline", target: "#shop-chat" });
            chat.on("action", (detail) => window.hostActions.push(detail));
        }""",
        shop.public_key,
    )
    frame = page.frame_locator("#shop-chat iframe")
    send(frame, "show me")
    frame.get_by_role("button", name="Add to cart").click()
    page.wait_for_function("() => window.hostActions.length === 1")
    detail = page.evaluate("() => window.hostActions[0]")
    assert detail["action"]["type"] == "cart.add"
    assert detail["action"]["payload"] == {"sku": "FJ-1"}
    assert detail["itemId"].startswith("wdg_")
    page.wait_for_timeout(300)
    assert Response.objects.filter(deployment=shop).count() == 1  # no round trip to the agent
