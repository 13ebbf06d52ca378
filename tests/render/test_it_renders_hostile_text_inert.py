"""Markup in widget strings is shown as text: nothing parses, loads or runs."""

from __future__ import annotations

import pytest

from .samples import card, text

SCRIPT = "<script>window.__pwned = 1</script>"
IMAGE = '<img src="x" onerror="window.__pwned = 1">'
SVG = '<svg onload="window.__pwned = 1"></svg>'


@pytest.mark.browser
def test_it_renders_hostile_text_inert(widgets, page):
    root = widgets.render(
        card(
            text(SCRIPT),
            {"type": "Title", "value": IMAGE},
            {"type": "Caption", "value": SVG},
            {"type": "Badge", "label": IMAGE},
            {"type": "Button", "label": SCRIPT},
            {"type": "Label", "value": IMAGE, "fieldName": "x"},
            {
                "type": "Select",
                "name": "x",
                "placeholder": SCRIPT,
                "options": [{"value": IMAGE, "label": IMAGE}],
            },
            {"type": "Checkbox", "name": "y", "label": SVG},
            {"type": "Input", "name": "z", "defaultValue": IMAGE, "placeholder": SCRIPT},
            status={"text": SCRIPT},
        )
    )
    page.wait_for_timeout(200)

    shown = root.inner_text()
    assert SCRIPT in shown
    assert IMAGE in shown
    assert SVG in shown
    assert root.locator("script, img, iframe, object, embed, svg[onload]").count() == 0
    assert page.evaluate("() => window.__pwned") is None


@pytest.mark.browser
def test_it_keeps_hostile_keys_out_of_the_page(widgets, page):
    root = widgets.render(
        card({"type": "Input", "name": "__proto__.polluted", "defaultValue": "yes"})
    )
    assert "/children/0/name" in root.locator("[data-widget-error]").inner_text()

    # The form collector guards on its own too: prototype keys never become paths.
    values = page.evaluate(
        """async () => {
          const { collectValues } = await import("/static/widgets/actions.js");
          const field = (name, value) => Object.assign(document.createElement("input"), { name, value });
          return collectValues([field("__proto__.polluted", "x"), field("a.constructor.prototype.b", "y"), field("ok.fine", "z")]);
        }"""
    )
    assert values == {"ok": {"fine": "z"}}
    assert page.evaluate("() => ({}).polluted") is None
