"""The gallery renders cleanly in both schemes at phone and desktop widths (screenshots kept)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .samples import GALLERY

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1024])
def test_it_renders_the_gallery_in_light_and_dark(widgets, page, scheme, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    widgets.render_all(list(GALLERY.values()), color_scheme=scheme)
    page.evaluate(
        """(dark) => {
          const set = (el, props) => Object.entries(props).forEach(([k, v]) => el.style.setProperty(k, v));
          set(document.body, { margin: "0", background: dark ? "#181818" : "#f4f4f5" });
          set(document.getElementById("root"), { display: "flex", "flex-direction": "column", gap: "20px", padding: "20px" });
        }""",
        scheme == "dark",
    )
    page.wait_for_load_state("networkidle")

    assert page.locator("[data-widget-error]").count() == 0
    assert page.locator("#root > .ck-widget").count() == len(GALLERY)
    # Nothing spills sideways at phone width.
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"gallery-{scheme}-{width}.png"), full_page=True)
    for index, name in enumerate(GALLERY):
        widget = page.locator("#root > .ck-widget").nth(index)
        widget.screenshot(path=str(SCREENSHOTS / f"{name}-{scheme}-{width}.png"))
