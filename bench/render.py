"""Time to render big widgets with static/widgets/render.js in Chromium (median of 10).

Baseline: a one-line Card rendered the same way in the same page, the fixed cost of a call.
"""

from __future__ import annotations

import os
import shutil
import statistics

from playwright.sync_api import sync_playwright

from bench.server import running_server

RUNS = 10
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip

SMALL = {"type": "Card", "children": [{"type": "Text", "value": "Hello"}]}
LIST = {
    "type": "ListView",
    "children": [
        {
            "type": "ListViewItem",
            "onClickAction": {"type": "pick", "payload": {"id": n}},
            "children": [
                {"type": "Icon", "name": "star"},
                {
                    "type": "Col",
                    "children": [
                        {"type": "Text", "value": f"Item {n}"},
                        {"type": "Caption", "value": "A caption"},
                    ],
                },
                {"type": "Badge", "label": "New"},
            ],
        }
        for n in range(200)
    ],
}
CHART = {
    "type": "Card",
    "children": [
        {
            "type": "Chart",
            "data": [{"x": f"p{n}", "a": (n * 37) % 101, "b": (n * 53) % 89} for n in range(500)],
            "series": [
                {"type": "area", "label": "A", "dataKey": "a"},
                {"type": "line", "label": "B", "dataKey": "b"},
            ],
            "xAxis": "x",
            "showYAxis": True,
        }
    ],
}

MEASURE = """async ([widget, runs]) => {
  const { render } = await import("/static/widgets/render.js");
  const root = document.body;
  const times = [];
  for (let i = 0; i < runs + 1; i++) {
    const start = performance.now();
    const element = render(widget, { colorScheme: "light" });
    root.replaceChildren(element);
    element.getBoundingClientRect();  // include layout
    times.push(performance.now() - start);
  }
  return times.slice(1);  // the first run warms up the module and caches
}"""


def main() -> None:
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    with running_server() as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(url + "/healthz")
        page.set_content(
            '<!doctype html><link rel="stylesheet" href="/static/widgets/render.css"><body></body>'
        )
        results = {name: statistics.median(page.evaluate(MEASURE, [widget, RUNS]))
                   for name, widget in (("one-line Card", SMALL), ("200-item ListView", LIST), ("500-point Chart", CHART))}  # fmt: skip
        browser.close()
    baseline = results["one-line Card"]
    print(f"render.js in Chromium, validation and layout included, median of {RUNS}:")
    for name, median in results.items():
        print(f"  {name:<18} {median:7.1f} ms   x{median / baseline:6.1f} of the one-line Card")


if __name__ == "__main__":
    main()
