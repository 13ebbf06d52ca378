"""Keystroke-to-preview latency of the studio, measured in Chromium (not a test).

    python -m tests.studio.latency --url http://127.0.0.1:8000 --user admin --password ...

Opens a new draft whose template renders a 200-component widget, types 20 characters into
it one at a time, and prints the median and spread of the time from each key press to the
preview showing the result (the server's check, the render by render.js and the next frame).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics

from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]

# A Card, a Col, then 99 rows each holding a Text: 200 components.
TEMPLATE = """{
  "type": "Card",
  "children": [
    {
      "type": "Col",
      "gap": 1,
      "children": [
        {%- for row in rows %}
        {"type": "Row", "key": {{ row.id | tojson }}, "children": [{"type": "Text", "value": {{ (title ~ " " ~ row.label) | tojson }}}]}{% if not loop.last %},{% endif %}
        {%- endfor %}
      ]
    }
  ]
}"""
SCHEMA = {"type": "object", "properties": {"title": {"type": "string"}, "rows": {"type": "array"}}}
DATA = {"title": "Row", "rows": [{"id": f"r{n}", "label": f"number {n}"} for n in range(99)]}

MEASURE = """async () => {
  const { EditorView } = await import("/static/vendor/codemirror.js");
  const view = EditorView.findFromDOM(document.querySelector("#template-editor .cm-editor"));
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: %s } });
  const data = EditorView.findFromDOM(document.querySelector("#data-editor .cm-editor"));
  data.dispatch({ changes: { from: 0, to: data.state.doc.length, insert: %s } });
  const schema = EditorView.findFromDOM(document.querySelector("#schema-editor .cm-editor"));
  schema.dispatch({ changes: { from: 0, to: schema.state.doc.length, insert: %s } });
  await new Promise((resolve) => document.addEventListener("studio:checked", resolve, { once: true }));
  const at = view.state.doc.toString().indexOf('" " ~ row.label') + 2;
  view.dispatch({ selection: { anchor: at } });
  view.focus();
  window.__samples = [];
  document.addEventListener("keydown", (event) => { window.__pressed = event.timeStamp; }, true);
  document.addEventListener("studio:checked", () => {
    requestAnimationFrame(() => requestAnimationFrame(() => window.__samples.push(performance.now() - window.__pressed)));
  });
}"""


def measure(url: str, user: str, password: str, keystrokes: int) -> list[float]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(f"{url}/admin/login/?next=/studio/new/")
        page.fill("#id_username", user)
        page.fill("#id_password", password)
        page.click("input[type=submit]")
        page.wait_for_selector("#template-editor .cm-editor")
        texts = [
            json.dumps(TEMPLATE),
            json.dumps(json.dumps(DATA, indent=2)),
            json.dumps(json.dumps(SCHEMA)),
        ]
        page.evaluate(MEASURE % tuple(texts))
        count = page.evaluate(
            "() => document.querySelectorAll('.surface[data-scheme=light] [data-component]').length"
        )
        assert count == 200, f"the widget has {count} components"
        for index in range(keystrokes):
            page.keyboard.type("abcdefghijklmnopqrstuvwxyz"[index % 26])
            page.wait_for_function(f"() => window.__samples.length > {index}", timeout=10_000)
            page.wait_for_timeout(300)
        samples = page.evaluate("() => window.__samples")
        browser.close()
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password", required=True)
    parser.add_argument("--keystrokes", type=int, default=20)
    options = parser.parse_args()
    samples = measure(options.url, options.user, options.password, options.keystrokes)
    print(
        f"keystroke to preview, 200-component widget, {len(samples)} keystrokes: "
        f"median {statistics.median(samples):.0f} ms, min {min(samples):.0f} ms, "
        f"max {max(samples):.0f} ms"
    )


if __name__ == "__main__":
    main()
