"""Charts are inline SVG with one bar or point per value, a tooltip and a text summary."""

from __future__ import annotations

import pytest

from .samples import card

DATA = [
    {"month": m, "a": a, "b": b}
    for m, a, b in [("Jan", 3, 1), ("Feb", 5, 2), ("Mar", 2, 4), ("Apr", 6, 3)]
]


def chart(*series, **props) -> dict:
    return card({"type": "Chart", "xAxis": "month", "data": DATA, "series": list(series), **props})


@pytest.mark.browser
def test_it_draws_one_bar_per_value(widgets):
    root = widgets.render(
        chart(
            {"type": "bar", "dataKey": "a", "label": "A"},
            {"type": "bar", "dataKey": "b", "label": "B", "color": "orange"},
            showYAxis=True,
        )
    )
    svg = root.locator("svg.ck-chart-svg")
    assert svg.locator(".ck-chart-bar").count() == 8
    assert svg.locator(".ck-chart-xlabels text").all_text_contents() == ["Jan", "Feb", "Mar", "Apr"]
    ticks = svg.locator(".ck-chart-grid text").all_text_contents()
    assert ticks[0] == "0"
    assert float(ticks[-1]) >= 6
    assert root.locator(".ck-chart-legend li").all_inner_texts() == ["A", "B"]


@pytest.mark.browser
def test_it_stacks_bars(widgets):
    root = widgets.render(
        chart(
            {"type": "bar", "dataKey": "a", "label": "A", "stack": "s"},
            {"type": "bar", "dataKey": "b", "label": "B", "stack": "s"},
        )
    )
    boxes = root.evaluate(
        """(el) => [...el.querySelectorAll(".ck-chart-bar")].map((bar) => {
          const box = bar.getBBox();
          return { x: Math.round(box.x), top: box.y, bottom: box.y + box.height };
        })"""
    )
    first_a, first_b = boxes[0], boxes[4]
    assert first_a["x"] == first_b["x"]  # same column
    assert abs(first_b["bottom"] - first_a["top"]) < 0.6  # B sits on A


@pytest.mark.browser
@pytest.mark.parametrize("kind", ["line", "area"])
def test_it_draws_one_point_per_value(widgets, kind):
    root = widgets.render(
        chart(
            {"type": kind, "dataKey": "a", "label": "A", "curveType": "step"},
            {"type": kind, "dataKey": "b", "label": "B", "curveType": "natural"},
        )
    )
    svg = root.locator("svg.ck-chart-svg")
    assert svg.locator(".ck-chart-dot").count() == 8
    assert svg.locator(".ck-chart-line").count() == 2
    assert svg.locator(".ck-chart-area").count() == (2 if kind == "area" else 0)


@pytest.mark.browser
def test_it_shows_a_tooltip_on_hover_and_focus(widgets, page):
    root = widgets.render(
        chart(
            {"type": "bar", "dataKey": "a", "label": "Apples"},
            {"type": "line", "dataKey": "b", "label": "Pears"},
        )
    )
    tooltip = root.locator(".ck-chart-tooltip")
    assert tooltip.is_hidden()

    root.locator(".ck-chart-bar").nth(1).hover()
    assert tooltip.is_visible()
    assert tooltip.inner_text().split() == ["Feb", "Apples", "5", "Pears", "2"]
    assert root.locator(".ck-chart-bar[data-active]").count() == 1

    page.mouse.move(0, 0)
    assert tooltip.is_hidden()

    svg = root.get_by_role("img")
    svg.focus()
    assert tooltip.inner_text().startswith("Jan")
    svg.press("End")
    assert tooltip.inner_text().startswith("Apr")
    svg.press("ArrowLeft")
    assert tooltip.inner_text().startswith("Mar")


@pytest.mark.browser
def test_it_summarises_the_chart_for_screen_readers(widgets):
    root = widgets.render(
        chart({"type": "bar", "dataKey": "a", "label": "Apples"}, showTooltip=False)
    )
    svg = root.get_by_role("img")
    assert (
        svg.get_attribute("aria-label") == "bar chart of Apples over 4 categories, from Jan to Apr."
    )
    table = root.locator(".ck-visually-hidden > table")
    assert table.locator("tr").count() == 5
    assert table.locator("tr").nth(2).inner_text().split() == ["Feb", "5"]


@pytest.mark.browser
def test_it_fits_the_available_width(widgets, page):
    page.set_viewport_size({"width": 360, "height": 700})
    root = widgets.render(chart({"type": "line", "dataKey": "a", "label": "A"}, height=150))
    page.wait_for_function(
        "() => document.querySelector('.ck-chart-svg').getAttribute('width') !== '480'"
    )
    size = root.locator(".ck-chart-plot").bounding_box()
    svg = root.locator("svg.ck-chart-svg")
    assert abs(float(svg.get_attribute("width")) - size["width"]) < 1
    assert abs(float(svg.get_attribute("height")) - 150) < 1
    assert size["width"] < 360
