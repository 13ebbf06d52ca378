"""Raw HTML inside Markdown is shown as text, never executed or loaded."""

from __future__ import annotations

import pytest

from .samples import card

HOSTILE = """# Hello

<script>window.__pwned = 1</script>

<img src="x" onerror="window.__pwned = 2">

<iframe src="javascript:window.__pwned = 3"></iframe>

<a href="javascript:window.__pwned = 4">link</a> and <b onclick="window.__pwned = 5">bold</b>

<style>body { display: none }</style>
"""


@pytest.mark.browser
def test_it_does_not_run_html_in_markdown(widgets, page):
    root = widgets.render(card({"type": "Markdown", "value": HOSTILE, "streaming": True}))
    page.wait_for_timeout(200)

    markdown = root.locator('[data-component="Markdown"]')
    assert markdown.locator("h1").inner_text().startswith("Hello")
    assert markdown.locator("script, img, iframe, style, b, [onclick], [onerror]").count() == 0
    assert "<script>" in markdown.inner_text()
    assert "<img" in markdown.inner_text()
    markdown.get_by_text("link").first.click()
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("body").is_visible()
