"""The admin's live theme preview and the snippet copy button, in Chromium."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SHOTS = "var/screenshots"


@pytest.fixture
def admin_page(browser, live_server, demo_deployment):
    get_user_model().objects.create_user(
        "boss", password="pw-boss-123456", is_staff=True, is_superuser=True
    )
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("boss")
    page.get_by_label("Password").fill("pw-boss-123456")
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/admin/chatkit/deployment/{demo_deployment.pk}/change/")
    yield page
    context.close()


def test_it_previews_theme_edits_before_saving(admin_page, demo_deployment):
    page = admin_page
    preview = page.frame_locator("#ck-preview-frame")
    expect(
        preview.get_by_role("heading", name="Hi! I'm the chatkit demo agent. Ask me anything.")
    ).to_be_visible()
    page.get_by_label("Accent color").fill("#be123c")
    page.get_by_label("Greeting").fill("Welcome to Northwind")
    page.get_by_label("Prompt chips").fill("Returns | How do returns work?\nShipping")
    page.get_by_label("Color scheme").select_option("dark")
    expect(preview.get_by_role("heading", name="Welcome to Northwind")).to_be_visible()
    expect(preview.get_by_role("button", name="Shipping")).to_be_visible()
    frame = page.frame(url=lambda url: "/embed/" in url)
    accent = frame.evaluate(
        "() => getComputedStyle(document.documentElement).getPropertyValue('--ck-accent').trim()"
    )
    assert accent == "#be123c"
    assert frame.evaluate("() => document.documentElement.dataset.colorScheme") == "dark"
    page.get_by_role("button", name="Conversation").click()
    expect(preview.locator("[data-item-type=assistant_message]")).to_contain_text("Change address")
    page.screenshot(path=f"{SHOTS}/admin-deployment-preview.png", full_page=False)
    demo_deployment.refresh_from_db()
    assert demo_deployment.start_screen["greeting"] != "Welcome to Northwind"  # nothing saved yet


def test_it_copies_the_snippet(admin_page, live_server, demo_deployment):
    page = admin_page
    page.get_by_role("button", name="Copy snippet").click()
    expect(page.get_by_role("button", name="Copy snippet")).to_have_text("Copied")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert (
        copied
        == f'<script src="{live_server.url}/embed.js" data-deployment="pk_demo" async></script>'
    )
