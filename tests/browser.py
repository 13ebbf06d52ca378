"""Helpers for browser tests that drive the chat through the launcher on the demo page."""

import re

from playwright.sync_api import expect


def open_chat(page, url):
    page.goto(url + "/")
    page.get_by_role("button", name="Open chat").click()
    frame = page.frame_locator("iframe[title=Chat]")
    expect(frame.get_by_role("textbox", name="Message")).to_be_enabled()
    return frame


def send(frame, text):
    """Type and press Enter once the previous answer has finished."""
    expect(frame.get_by_role("button", name="Stop")).to_be_hidden()
    box = frame.get_by_role("textbox", name="Message")
    box.fill(text)
    box.press("Enter")


def assistant(frame):
    return frame.locator("[data-item-type=assistant_message]").last


def wait_until(page, condition, timeout=10_000):
    waited = 0
    while not condition():
        assert waited < timeout, "condition not met in time"
        page.wait_for_timeout(50)
        waited += 50


def words(markdown: str) -> str:
    """The words of a Markdown text as the page shows them, whitespace normalised."""
    plain = re.sub(r"^\s*(#+|\d+\.|-|>)\s*", "", markdown, flags=re.M)
    return " ".join(re.sub(r"[*`]", "", plain).split())
