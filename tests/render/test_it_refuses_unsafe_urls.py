"""Only http(s) (and data:image for images) URLs reach the page; the renderer checks too."""

from __future__ import annotations

import pytest

from .samples import card

HOSTILE = [
    "javascript:window.__pwned=1",
    "JaVaScRiPt:window.__pwned=1",
    " javascript:alert(1)",
    "vbscript:x",
    "data:text/html,<script>1</script>",
]


@pytest.mark.browser
@pytest.mark.parametrize("src", HOSTILE)
def test_it_refuses_unsafe_image_sources(widgets, page, src):
    root = widgets.render(card({"type": "Image", "src": src}))

    assert root.locator("[data-widget-error]").is_visible()
    assert "/children/0/src" in root.inner_text()
    assert root.locator("img").count() == 0
    assert page.evaluate("() => window.__pwned") is None


@pytest.mark.browser
def test_it_refuses_unsafe_favicons(widgets):
    root = widgets.render(
        card(
            {"type": "Text", "value": "x"}, status={"text": "Hi", "favicon": "javascript:alert(1)"}
        )
    )
    assert "/status/favicon" in root.locator("[data-widget-error]").inner_text()


@pytest.mark.browser
def test_it_checks_urls_itself(widgets, page):
    # Defence in depth: the renderer's own URL gate, whatever the schema says.
    verdicts = page.evaluate(
        """async () => {
          const { safeUrl } = await import("/static/widgets/dom.js");
          const cases = [
            ["https://example.com/a.png", true], ["http://example.com/", false],
            ["data:image/png;base64,AAAA", true], ["data:text/html,hi", true],
            ["javascript:alert(1)", false], ["java\\tscript:alert(1)", false], ["vbscript:x", false],
            ["blob:https://example.com/x", true], ["file:///etc/passwd", false],
          ];
          return cases.map(([url, image]) => [url, safeUrl(url, { image })]);
        }"""
    )
    allowed = {url for url, result in verdicts if result is not None}
    assert allowed == {
        "https://example.com/a.png",
        "http://example.com/",
        "data:image/png;base64,AAAA",
    }


@pytest.mark.browser
def test_it_strips_unsafe_markdown_links(widgets, page):
    root = widgets.render(
        card(
            {
                "type": "Markdown",
                "value": "[click](javascript:window.__pwned=1) [ok](https://example.com) ![img](javascript:x)",
            }
        )
    )
    links = root.locator("a")
    assert links.count() == 2
    assert links.nth(0).get_attribute("href") is None
    assert links.nth(1).get_attribute("href") == "https://example.com"
    assert links.nth(1).get_attribute("rel") == "noopener noreferrer nofollow"
    assert root.locator("img").count() == 0
    links.nth(0).click()
    assert page.evaluate("() => window.__pwned") is None
