"""A same-origin page under a strict CSP that renders widgets with static/widgets/render.js."""

from __future__ import annotations

import pytest

# The CSP of the pages that use the renderer: no inline scripts or styles anywhere.
STRICT_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' https: http: data:",
        "connect-src 'self'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)

PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Widget test page</title>
<link rel="stylesheet" href="/static/widgets/render.css"></head>
<body><main id="root"></main></body>
</html>"""

# Installs the recorder once per page: actions land in window.__actions; with `pending`,
# onAction returns a promise that window.__settle() resolves.
SETUP = """async () => {
  if (window.__render) return;
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
  const module = await import("/static/widgets/render.js");
  window.__module = module;
  window.__actions = [];
  window.__pending = [];
  window.__settle = () => { for (const resolve of window.__pending.splice(0)) resolve(); };
  window.__render = (widget, config = {}) => {
    const onAction = (action, context) => {
      window.__actions.push({ action, component: context.component?.type ?? null,
        element: context.element?.dataset?.component ?? context.element?.tagName ?? null });
      if (config.pending) return new Promise((resolve) => window.__pending.push(resolve));
      return undefined;
    };
    const element = module.render(widget, { onAction, colorScheme: config.colorScheme });
    document.getElementById("root").replaceChildren(element);
    window.__widget = element;
    return element.dataset.state;
  };
}"""


class WidgetPage:
    """Render widgets into a real page and read back what happened."""

    def __init__(self, page, url: str) -> None:
        self.page = page
        self.url = url

    def open(self) -> None:
        self.page.goto(self.url)
        self.page.evaluate(SETUP)

    def render(self, widget, *, pending: bool = False, color_scheme: str | None = None):
        """Render `widget` (a dict, or a JSON string passed through as is); returns the root locator."""
        self.page.evaluate(
            "([widget, config]) => window.__render(widget, config)",
            [widget, {"pending": pending, "colorScheme": color_scheme}],
        )
        return self.page.locator("#root > .ck-widget")

    def render_all(self, widgets: list, *, color_scheme: str | None = None) -> None:
        """Render several widgets one under another (for galleries)."""
        self.page.evaluate(
            """([widgets, scheme]) => {
              const root = document.getElementById("root");
              root.replaceChildren(...widgets.map((w) => window.__module.render(w, { colorScheme: scheme })));
            }""",
            [widgets, color_scheme],
        )

    def actions(self) -> list[dict]:
        return self.page.evaluate("() => window.__actions")

    def settle(self) -> None:
        self.page.evaluate("() => window.__settle()")

    def violations(self) -> list[str]:
        return self.page.evaluate("() => window.__violations")


@pytest.fixture
def widgets(page, live_server) -> WidgetPage:
    url = f"{live_server.url}/__widget-test__"
    page.route(
        url,
        lambda route: route.fulfill(
            status=200,
            content_type="text/html; charset=utf-8",
            headers={"Content-Security-Policy": STRICT_CSP},
            body=PAGE,
        ),
    )
    helper = WidgetPage(page, url)
    helper.open()
    yield helper
    assert helper.violations() == [], "the renderer broke the page's Content-Security-Policy"
    assert page.js_errors == []
