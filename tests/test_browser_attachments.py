"""Attaching files in the chat: picked, checked, uploaded, sent and shown; refusals explained."""

import pytest
from playwright.sync_api import expect

from chatkit.models import Attachment
from tests.browser import assistant, open_chat, send

pytestmark = pytest.mark.browser

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2a3d2a90000000049454e44ae426082"
)


@pytest.fixture
def files_deployment(demo_deployment):
    demo_deployment.features = {
        "attachments": {
            "enabled": True,
            "max_size": 2048,
            "max_count": 2,
            "accept": ["image/*", "text/plain"],
        }
    }
    demo_deployment.save()
    return demo_deployment


def test_it_sends_an_image_with_a_message(page, live_server, files_deployment):
    frame = open_chat(page, live_server.url)
    frame.locator("input[type=file]").set_input_files(
        [{"name": "receipt.png", "mimeType": "image/png", "buffer": PNG}]
    )
    chip = frame.get_by_role("list", name="Files to send").get_by_role("listitem")
    expect(chip).to_have_attribute("data-state", "done")
    send(frame, "Here is my receipt")
    user = frame.locator("[data-item-type=user_message]").last
    expect(
        user.get_by_role("list", name="Attached files").get_by_role("img", name="receipt.png")
    ).to_be_visible()
    expect(assistant(frame)).to_contain_text(f"receipt.png (image/png, {len(PNG)} bytes)")
    image_loaded = user.get_by_role("img").evaluate("img => img.complete && img.naturalWidth === 1")
    assert image_loaded
    stored = Attachment.objects.get()
    assert stored.message_id == user.get_attribute("data-item-id")
    expect(frame.get_by_role("list", name="Files to send").get_by_role("listitem")).to_have_count(0)


def test_it_explains_refused_files_and_removes_chips(page, live_server, files_deployment):
    frame = open_chat(page, live_server.url)
    chooser = frame.locator("input[type=file]")
    chooser.set_input_files(
        [
            {"name": "huge.txt", "mimeType": "text/plain", "buffer": b"x" * 5000},
            {"name": "page.html", "mimeType": "text/html", "buffer": b"<script>alert(1)</script>"},
        ]
    )
    expect(frame.get_by_role("alert")).to_contain_text("huge.txt is larger than 2 KB.")
    expect(frame.get_by_role("alert")).to_contain_text(
        "page.html: this chat does not accept this kind of file."
    )
    chooser.set_input_files(
        [{"name": "notes.txt", "mimeType": "text/plain", "buffer": b"remember the milk"}]
    )
    chip = frame.get_by_role("list", name="Files to send").get_by_role("listitem")
    expect(chip).to_have_attribute("data-state", "done")
    expect(frame.get_by_role("button", name="Send")).to_be_enabled()
    frame.get_by_role("button", name="Remove notes.txt").click()
    expect(chip).to_have_count(0)
    page.wait_for_timeout(300)
    assert Attachment.objects.count() == 0
    assert not page.js_errors
