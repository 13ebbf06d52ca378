"""Reloading the page mid-answer does not stop it: the reopened chat shows it continue from
where it was and end, exactly as stored."""

import re

import pytest
from playwright.sync_api import expect

from chatkit.agents.demo import slow_answer
from chatkit.models import Response, ThreadItem
from tests.browser import assistant, open_chat, send, words

pytestmark = pytest.mark.browser


def test_a_reload_mid_answer_lets_it_finish(page, live_server, demo_deployment):
    frame = open_chat(page, live_server.url)
    send(frame, "/slow")
    expect(assistant(frame)).to_contain_text("part 1")
    page.reload()
    page.get_by_role("button", name="Open chat").click()
    frame = page.frame_locator("iframe[title=Chat]")
    answer = assistant(frame)
    expect(answer).to_contain_text("That is the end of the slow answer", timeout=30_000)
    expect(frame.get_by_role("button", name="Send")).to_be_visible()
    expect(answer).not_to_have_class(re.compile("ck-streaming"))
    item = ThreadItem.objects.get(pk=answer.get_attribute("data-item-id"))
    assert item.is_done and item.data["content"][0]["text"] == slow_answer()
    assert Response.objects.get(thread_id=item.thread_id).outcome == "completed"
    assert " ".join(answer.locator(".ck-prose").inner_text().split()) == words(slow_answer())
    assert not page.js_errors
