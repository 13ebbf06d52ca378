"""The transcript in Chromium: Markdown drawn safely, the widget drawn by the chat's own
renderer in the admin's colour scheme, feedback and timings inline."""

import pytest
from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.admin.conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def operator_page(transactional_db, live_server, page):
    get_user_model().objects.create_user(
        "operator", password=PASSWORD, is_staff=True, is_superuser=True
    )
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("operator")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    return page


@pytest.fixture
def conversation(transactional_db, make_deployment, make_conversation, give_feedback):
    conversation = make_conversation(
        make_deployment(name="Shop"),
        turns=[
            ("Where is **my** order? <img src=x onerror=alert(1)>", [("widget", "Order 1042")], {}),
            ("And the invoice?", [("assistant", "# Invoice\nIt is in your *account*.")], {}),
        ],
    )
    give_feedback(conversation.item("assistant_message"), "negative", "Not there")
    return conversation


@pytest.mark.parametrize("page", ["light", "dark"], indirect=True)
def test_it_draws_messages_and_the_widget_like_the_chat(operator_page, live_server, conversation):
    page = operator_page
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    thread = conversation.thread
    page.goto(f"{live_server.url}/admin/chatkit/thread/{quote(thread.pk)}/change/")

    log = page.get_by_role("list", name="Conversation")
    user = log.locator("[data-item-type=user_message]").first
    expect(user.locator("strong")).to_have_text("my")
    expect(user).to_contain_text("<img src=x onerror=alert(1)>")
    assert user.locator("img").count() == 0

    widget = log.locator("[data-item-type=widget] .ck-widget")
    expect(widget.locator("[data-component=Card]")).to_be_visible()
    expect(widget.locator("[data-component=Title]")).to_have_text("Order 1042")
    expect(widget.get_by_role("button", name="Track it")).to_be_visible()
    scheme = page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'")
    expect(widget).to_have_attribute("data-color-scheme", scheme)

    answer = log.locator("[data-item-type=assistant_message]")
    expect(answer.get_by_role("heading", name="Invoice")).to_be_visible()
    expect(answer.locator("em")).to_have_text("account")
    expect(answer.locator("[data-feedback=negative]")).to_contain_text("Not there")
    expect(log.locator(".op-timing").first).to_contain_text("first token after 420 ms")

    widget.get_by_role("button", name="Track it").click()
    assert page.url.endswith("/change/")
    assert not dialogs and not page.js_errors


def test_it_follows_the_admins_theme_switch(operator_page, live_server, conversation):
    page = operator_page
    page.goto(f"{live_server.url}/admin/chatkit/thread/{quote(conversation.thread.pk)}/change/")
    widget = page.locator("[data-item-type=widget] .ck-widget")
    expect(widget).to_have_attribute("data-color-scheme", "light")
    page.evaluate("document.documentElement.dataset.theme = 'dark'")
    expect(widget).to_have_attribute("data-color-scheme", "dark")
    assert not page.js_errors


def test_it_opens_feedback_at_its_message(operator_page, live_server, conversation):
    page = operator_page
    page.goto(f"{live_server.url}/admin/chatkit/feedback/")
    page.get_by_role("link", name="Invoice It is in your account.").click()
    item = conversation.item("assistant_message")
    expect(page).to_have_url(
        f"{live_server.url}/admin/chatkit/thread/{quote(item.thread_id)}/change/#item-{item.pk}"
    )
    expect(page.locator(f"#item-{item.pk}")).to_be_in_viewport()
    assert not page.js_errors
