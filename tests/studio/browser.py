"""Driving the studio's editors from browser tests."""

from __future__ import annotations

from playwright.sync_api import Page, expect

# The editors are CodeMirror views; these reach them the way the page's own code does.
_VIEW = """async (id) => {
  const { EditorView } = await import("/static/vendor/codemirror.js");
  return EditorView.findFromDOM(document.querySelector(`#${id} .cm-editor`));
}"""

EDITORS = {
    "Template": "template-editor",
    "Sample data": "data-editor",
    "Data schema": "schema-editor",
}


def select_text(page: Page, editor: str, text: str) -> None:
    """Select the first `text` in `editor` (its accessible name) and focus it, as a user would
    by dragging over it; typing then replaces the selection."""
    found = page.evaluate(
        f"""async ([id, text]) => {{
          const view = await ({_VIEW})(id);
          const from = view.state.doc.toString().indexOf(text);
          if (from < 0) return false;
          view.dispatch({{ selection: {{ anchor: from, head: from + text.length }}, scrollIntoView: true }});
          view.focus();
          return true;
        }}""",
        [EDITORS[editor], text],
    )
    assert found, f"{text!r} is not in the {editor} editor"


def put_cursor_after(page: Page, editor: str, text: str) -> None:
    select_text(page, editor, text)
    page.keyboard.press("ArrowRight")


def editor_text(page: Page, editor: str) -> str:
    return page.evaluate(
        f"async (id) => (await ({_VIEW})(id)).state.doc.toString()", EDITORS[editor]
    )


def selected_text(page: Page, editor: str) -> str:
    return page.evaluate(
        f"""async (id) => {{
          const view = await ({_VIEW})(id);
          const range = view.state.selection.main;
          return view.state.sliceDoc(range.from, range.to);
        }}""",
        EDITORS[editor],
    )


def replace_selection(page: Page, text: str) -> None:
    """Type `text` over the selection (deleting it first, as auto-closing quotes would wrap it)."""
    page.keyboard.press("Backspace")
    page.keyboard.type(text)


def problems(page: Page):
    return page.get_by_role("region", name="Problems")


def preview(page: Page):
    return page.get_by_role("region", name="Preview")


def expect_no_problems(page: Page) -> None:
    expect(problems(page).get_by_text("No problems")).to_be_visible()
    expect(preview(page)).not_to_have_attribute("data-stale", "")


def open_workspace(page: Page, path: str) -> None:
    page.goto(page.base_url + path)
    expect(preview(page).locator(".surface .ck-widget").first).to_be_visible()
