"""Oversized or pathological documents become the contained error box, quickly."""

from __future__ import annotations

import pytest

# Each builds a hostile widget inside the page and reports how long render() took.
BUILDERS = {
    "10 MB string": """() => ({ type: "Card", children: [{ type: "Text", value: "x".repeat(10 * 1024 * 1024) }] })""",
    "depth 500": """() => {
        let node = { type: "Text", value: "deep" };
        for (let i = 0; i < 500; i++) node = { type: "Col", children: [node] };
        return { type: "Card", children: [node] };
    }""",
    "100k nodes": """() => ({ type: "Card", children: Array.from({ length: 100000 }, (_, i) => ({ type: "Text", value: String(i) })) })""",
    "deep payload": """() => {
        let payload = {};
        for (let i = 0; i < 100000; i++) payload = { a: payload };
        return { type: "Card", children: [{ type: "Button", label: "x", onClickAction: { type: "t", payload } }] };
    }""",
    "cycle": """() => {
        const node = { type: "Col", children: [] };
        node.children.push(node);
        return { type: "Card", children: [node] };
    }""",
    "huge JSON text": """() => JSON.stringify({ type: "Card", children: [{ type: "Text", value: "y".repeat(5 * 1024 * 1024) }] })""",
    "not JSON": """() => "{ type: Card"  """,
    "not an object": """() => [1, 2, 3]""",
}


@pytest.mark.browser
@pytest.mark.parametrize("case", BUILDERS)
def test_it_contains_oversized_documents(widgets, page, case):
    elapsed = page.evaluate(
        f"""() => {{
          const widget = ({BUILDERS[case]})();
          const started = performance.now();
          window.__render(widget);
          return performance.now() - started;
        }}"""
    )
    root = page.locator("#root > .ck-widget")

    assert elapsed < 1000, f"{case} took {elapsed:.0f} ms"
    assert root.get_attribute("data-state") == "invalid"
    error = root.locator("[data-widget-error]")
    assert error.is_visible()
    assert root.locator("[data-component]").count() == 0
    # Contained: the error box stays a sensible size whatever the input.
    box = error.bounding_box()
    assert box["height"] <= 400
    assert box["width"] <= 800
