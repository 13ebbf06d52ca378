"""Big but valid widgets render fast: a 200-item ListView and a 500-point Chart."""

from __future__ import annotations

import pytest

# Median of ten render() calls, measured in the page, including validation.
MEASURE = """(kind) => {
  const listView = () => ({
    type: "ListView",
    children: Array.from({ length: 200 }, (_, i) => ({
      type: "ListViewItem",
      onClickAction: { type: "open", payload: { id: i } },
      children: [
        { type: "Icon", name: "star" },
        { type: "Col", flex: 1, children: [
          { type: "Text", value: `Item ${i}`, weight: "semibold", size: "sm" },
          { type: "Caption", value: "A short description" },
        ] },
        { type: "Badge", label: "New", color: "info" },
      ],
    })),
  });
  const chart = () => ({
    type: "Card",
    children: [{
      type: "Chart",
      xAxis: "t",
      showYAxis: true,
      data: Array.from({ length: 500 }, (_, i) => ({ t: `T${i}`, a: Math.sin(i / 20) * 50 + 60, b: (i % 37) + 10 })),
      series: [
        { type: "area", dataKey: "a", label: "A", curveType: "monotone" },
        { type: "line", dataKey: "b", label: "B" },
      ],
    }],
  });
  const widget = kind === "list" ? listView() : chart();
  const times = [];
  for (let i = 0; i < 10; i++) {
    const started = performance.now();
    const element = window.__module.render(widget, {});
    document.getElementById("root").replaceChildren(element);
    element.getBoundingClientRect();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: (times[4] + times[5]) / 2, state: document.querySelector("#root > .ck-widget").dataset.state };
}"""


@pytest.mark.browser
@pytest.mark.parametrize("kind", ["list", "chart"])
def test_it_renders_large_widgets_quickly(widgets, kind):
    result = widgets.page.evaluate(MEASURE, kind)
    print(f"{kind}: median {result['median']:.1f} ms")
    assert result["state"] == "ready"
    assert result["median"] < 750
