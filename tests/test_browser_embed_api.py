"""The host page API (SPEC §6): window.chatkit, its queue, events and several instances."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def collect_events(page):
    page.evaluate(
        """() => {
            window.seen = [];
            for (const name of ["ready", "open", "close", "response.start", "response.end", "thread.change"]) {
                window.chatkit.on(name, (detail) => window.seen.push([name, detail]));
            }
        }"""
    )


def test_it_runs_calls_queued_before_the_loader_and_reports_events(
    page, live_server, demo_deployment
):
    violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and violations.append(message.text)
        ),
    )
    page.goto(live_server.url + "/")
    # The demo page queued chatkit.push(["on", ...]) calls before the loader ran.
    page.get_by_role("button", name="Where is my order?").click()
    chat = page.frame_locator("iframe[title=Chat]")
    expect(chat.locator("[data-item-type=user_message]")).to_contain_text("/widget order_status")
    expect(page.locator("#chat-events")).to_contain_text("response.end", timeout=10000)
    events = page.locator("#chat-events").inner_text()
    assert events.index("ready") < events.index("response.start") < events.index("response.end")
    assert not violations, violations


def test_it_opens_closes_and_sends_through_the_api(page, live_server, demo_deployment):
    page.goto(live_server.url + "/")
    page.wait_for_function("() => window.chatkit && window.chatkit.__chatkit")
    collect_events(page)
    page.evaluate("() => window.chatkit.open()")
    expect(page.get_by_role("button", name="Close chat")).to_be_visible()
    page.evaluate("() => window.chatkit.send('Hello through the API')")
    page.wait_for_function(
        "() => window.seen.some(([name]) => name === 'response.end')", timeout=10000
    )
    names = page.evaluate("() => window.seen.map(([name]) => name)")
    assert names[:2] == ["open", "ready"]
    assert "thread.change" in names and "response.start" in names
    thread_change = page.evaluate("() => window.seen.find(([name]) => name === 'thread.change')[1]")
    assert thread_change["threadId"].startswith("thr_")
    page.evaluate("() => window.chatkit.toggle()")
    expect(page.get_by_role("button", name="Open chat")).to_be_visible()
    assert page.evaluate("() => window.seen.at(-1)[0]") == "close"
    error = page.evaluate(
        "() => { try { window.chatkit.on('nope', () => {}); } catch (e) { return e.message } }"
    )
    assert "unknown event" in error


def test_it_mounts_an_inline_instance_beside_the_launcher(page, live_server, demo_deployment):
    page.goto(live_server.url + "/")
    page.wait_for_function("() => window.chatkit && window.chatkit.__chatkit")
    page.evaluate(
        """() => {
            const box = document.createElement("div");
            box.id = "inline-chat";
            box.style.height = "520px";
            document.querySelector("#help").append(box);
            window.inline = window.chatkit.mount({ deployment: "pk_demo", mode: "inline", target: "#inline-chat", colorScheme: "dark" });
            window.inlineReady = false;
            window.inline.on("ready", () => (window.inlineReady = true));
        }"""
    )
    page.wait_for_function("() => window.inlineReady")
    inline = page.frame_locator("#inline-chat iframe")
    inline.get_by_role("textbox", name="Message").fill("inline hello")
    inline.get_by_role("textbox", name="Message").press("Enter")
    expect(inline.locator("[data-item-type=assistant_message]")).to_contain_text("inline hello")
    # The launcher instance is separate and still closed.
    expect(page.get_by_role("button", name="Open chat")).to_have_attribute("aria-expanded", "false")
    page.evaluate("() => window.inline.destroy()")
    expect(page.locator("#inline-chat iframe")).to_have_count(0)
    bad = page.evaluate(
        "() => { try { window.chatkit.mount({ deployment: 'javascript:alert(1)' }) } catch (e) { return e.message } }"
    )
    assert "public key" in bad


def test_it_ignores_messages_from_other_windows(page, live_server, demo_deployment):
    page.goto(live_server.url + "/")
    page.wait_for_function("() => window.chatkit && window.chatkit.__chatkit")
    collect_events(page)
    page.evaluate("() => window.chatkit.open()")
    page.wait_for_function("() => window.seen.some(([name]) => name === 'ready')")
    # A forged event posted by the host page itself must not reach handlers.
    page.evaluate(
        """() => window.postMessage({ chatkit: 1, instance: "anything", event: "response.end", detail: {} }, "*")"""
    )
    page.wait_for_timeout(200)
    assert "response.end" not in page.evaluate("() => window.seen.map(([name]) => name)")
