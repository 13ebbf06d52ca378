"""A visitor's whole path in Chromium: launcher, streamed answer, stop, reload, framing rules."""

import re

import pytest
from playwright.sync_api import expect

from chatkit.agents.demo import slow_answer
from chatkit.models import ThreadItem
from tests.browser import assistant, open_chat, send, wait_until, words

pytestmark = pytest.mark.browser


def test_it_streams_an_answer_through_the_launcher(page, live_server, demo_deployment):
    frame = open_chat(page, live_server.url)
    expect(frame.get_by_role("heading", name=re.compile("demo agent"))).to_be_visible()
    send(frame, "Hello from the browser")
    expect(frame.locator("[data-item-type=user_message]")).to_have_text(
        re.compile("Hello from the browser")
    )
    expect(assistant(frame)).to_contain_text("Here is what I heard")
    expect(assistant(frame).locator("pre code")).to_contain_text("class EchoAgent")
    expect(frame.get_by_role("button", name="Send")).to_be_visible()
    expect(page.get_by_role("button", name="Close chat")).to_have_attribute("aria-expanded", "true")
    assert not page.js_errors


def test_it_shows_the_text_growing_then_stops_on_request(page, live_server, demo_deployment):
    frame = open_chat(page, live_server.url)
    send(frame, "/slow")
    answer = assistant(frame)
    expect(answer).to_have_class(re.compile("ck-streaming"))
    expect(answer).to_contain_text("part 1")
    first = len(answer.inner_text())
    expect(answer).not_to_have_text(answer.inner_text(), timeout=3000)
    assert len(answer.inner_text()) > first
    frame.get_by_role("button", name="Stop").click()
    expect(frame.get_by_role("button", name="Send")).to_be_visible()
    expect(answer).not_to_have_class(re.compile("ck-streaming"))
    body = answer.locator(".ck-prose")
    stopped = body.inner_text()
    page.wait_for_timeout(600)
    assert body.inner_text() == stopped
    assert "That is the end of the slow answer" not in stopped
    item = ThreadItem.objects.get(pk=answer.get_attribute("data-item-id"))
    assert item.is_done
    assert " ".join(stopped.split()) == words(item.data["content"][0]["text"])


def test_it_finds_the_conversation_again_after_a_reload(page, live_server, demo_deployment):
    frame = open_chat(page, live_server.url)
    send(frame, "Remember this, please")
    expect(assistant(frame)).to_contain_text("Remember this, please")
    expect(frame.get_by_role("button", name="Copy", exact=True)).to_be_visible()
    page.reload()
    page.get_by_role("button", name="Open chat").click()
    frame = page.frame_locator("iframe[title=Chat]")
    expect(frame.locator("[data-item-type=user_message]")).to_have_text(
        re.compile("Remember this, please")
    )
    expect(assistant(frame)).to_contain_text("Here is what I heard")
    frame.get_by_role("button", name="History").click()
    expect(frame.get_by_role("button", name=re.compile("Remember this, please"))).to_be_visible()
    frame.get_by_role("button", name="Back").click()
    frame.get_by_role("button", name="New chat").click()
    expect(frame.locator("[data-item-type]")).to_have_count(0)
    expect(frame.get_by_role("button", name="What can you do?")).to_be_visible()


def test_it_refuses_to_be_framed_by_another_origin(page, live_server, demo_deployment):
    # localhost and 127.0.0.1 are different origins; only the latter is allowed.
    page.goto(live_server.localhost_url + "/")
    page.get_by_role("button", name="Open chat").click()
    chat = page.frame_locator("iframe[title=Chat]")
    expect(chat.get_by_role("textbox", name="Message")).to_have_count(0, timeout=3000)
    framed = [f for f in page.frames if f != page.main_frame]
    assert framed and all(
        "/embed/" not in f.url or f.url.startswith("chrome-error") for f in framed
    )


def test_it_resumes_after_a_dropped_connection_without_losing_or_repeating(
    page, live_server, demo_deployment
):
    sockets = []

    def proxy(ws):
        server = ws.connect_to_server()
        sockets.append((ws, server))

    page.route_web_socket(re.compile(r".*/ws/chat/"), proxy)
    frame = open_chat(page, live_server.url)
    send(frame, "first message")
    expect(assistant(frame)).to_contain_text("first message")
    sockets[-1][1].close()
    wait_until(page, lambda: len(sockets) >= 2)
    send(frame, "second message")
    expect(frame.locator("[data-item-type=assistant_message]")).to_have_count(2, timeout=15000)
    expect(assistant(frame)).to_contain_text("second message")
    expect(frame.locator("[data-item-type=user_message]")).to_have_count(2)
    assert len(sockets) >= 2

    send(frame, "/slow")
    answer = assistant(frame)
    expect(answer).to_contain_text("part 1")
    sockets[-1][1].close()
    # The answer goes on without the socket; the chat reconnects and shows it to the end.
    expect(answer).to_contain_text("That is the end of the slow answer", timeout=30_000)
    expect(frame.get_by_role("button", name="Send")).to_be_visible()
    expect(answer).not_to_have_class(re.compile("ck-streaming"))
    item = ThreadItem.objects.get(pk=answer.get_attribute("data-item-id"))
    assert item.data["content"][0]["text"] == slow_answer()
    shown = frame.locator(f"[data-item-id='{item.id}'] .ck-prose").inner_text()
    assert " ".join(shown.split()) == words(slow_answer())
    assert shown.count("This is part 1") == 1  # the drop may cut mid-sentence
    assert not page.js_errors


def test_it_uses_the_accessible_names_of_the_spec(page, live_server, demo_deployment):
    page.goto(live_server.url + "/")
    launcher = page.get_by_role("button", name="Open chat")
    expect(launcher).to_have_attribute("aria-expanded", "false")
    launcher.click()
    expect(page.get_by_role("button", name="Close chat")).to_be_visible()
    frame = page.frame_locator("iframe[title=Chat]")
    for name in ("New chat", "History", "Close chat"):
        expect(frame.get_by_role("button", name=name, exact=True)).to_be_visible()
    send(frame, "names")
    expect(assistant(frame)).to_contain_text("names")
    for name in ("Send", "Copy", "Good response", "Bad response", "Retry"):
        expect(frame.get_by_role("button", name=name, exact=True).first).to_be_visible()
    log = frame.get_by_role("log")
    expect(log).to_have_attribute("aria-live", "polite")
    expect(log).to_have_attribute("aria-busy", "false")
    item = frame.locator("[data-item-type=assistant_message]").first
    assert item.get_attribute("data-item-id").startswith("msg_")
    frame.get_by_role("button", name="Bad response").click()
    frame.get_by_role("textbox", name=re.compile("What went wrong")).fill("Not helpful")
    frame.get_by_role("button", name="Submit").click()
    expect(frame.get_by_text("Thanks for the feedback")).to_be_visible()
    feedback = ThreadItem.objects.get(pk=item.get_attribute("data-item-id")).feedback.get()
    assert (feedback.kind, feedback.comment) == ("negative", "Not helpful")
    frame.get_by_role("textbox", name="Message").press("Escape")
    expect(page.get_by_role("button", name="Open chat")).to_be_visible()


def test_it_loads_earlier_messages_of_a_long_conversation(page, live_server, demo_deployment):
    frame = open_chat(page, live_server.url)
    for n in range(11):
        send(frame, f"message number {n}")
        expect(frame.locator("[data-item-type=assistant_message]")).to_have_count(n + 1)
    page.reload()
    page.get_by_role("button", name="Open chat").click()
    frame = page.frame_locator("iframe[title=Chat]")
    users = frame.locator("[data-item-type=user_message]")
    expect(users).to_have_count(10)
    expect(users.first).to_contain_text("message number 1")
    frame.get_by_role("button", name="Load earlier messages").click()
    expect(users).to_have_count(11)
    expect(users.first).to_contain_text("message number 0")
    expect(frame.get_by_role("button", name="Load earlier messages")).to_be_hidden()
    ids = frame.locator("[data-item-type]").evaluate_all("els => els.map((e) => e.dataset.itemId)")
    assert len(ids) == len(set(ids)) == 22
