"""Checking a draft as the workspace edits it: its problems, located, and its preview.

The verdicts are those of `manage.py widgets validate` for the `.widget` file the draft
would save as: the file's structure (`widgets.templates.structure_errors`), then rendering
every sample case (`WidgetFile.render`). What the studio adds is *where*: each problem is
moved from the file's pointer to the editor it concerns (template, sample data of a case,
data schema) with the range of text to select there.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from typing import Any, Literal

from studio import locate
from studio.schemas import Draft
from widgets.sandbox import render_text
from widgets.templates import RenderError, WidgetFile, structure_errors
from widgets.validation import WidgetError

Editor = Literal["template", "data", "schema", "cases", "details"]

_LINE = re.compile(r"^line (\d+): ")
_SAMPLE_POINTER = re.compile(r"^/sampleData/(\d+)(/name|/data)?(.*)$")


@dataclass(frozen=True)
class Problem:
    editor: Editor
    pointer: str
    """A JSON pointer into what `editor` holds (for the template: the rendered widget)."""
    message: str
    case: int | None = None
    """The sample case the problem belongs to, if any."""
    start: int | None = None
    end: int | None = None
    """The text to select in `editor`, in UTF-16 code units."""

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class DraftCheck:
    problems: list[Problem]
    widget: dict[str, Any] | None
    """The chosen case rendered, when it renders."""


class _Texts:
    """The draft's texts, parsed once, for locating pointers in them."""

    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self._parsed: dict[tuple[str, int | None], locate.Parsed] = {}

    def text(self, editor: Editor, case: int | None) -> str:
        if editor == "template":
            return self.draft.template
        if editor == "schema":
            return self.draft.json_schema
        if editor == "data" and case is not None:
            return self.draft.cases[case].data
        return ""

    def parsed(self, editor: Editor, case: int | None) -> locate.Parsed:
        key = (editor, case)
        if key not in self._parsed:
            self._parsed[key] = locate.parse(self.text(editor, case), jinja=editor == "template")
        return self._parsed[key]

    def problem(
        self,
        editor: Editor,
        pointer: str,
        message: str,
        case: int | None = None,
        *,
        span: locate.Span | None = None,
        rendered: Any = None,
    ) -> Problem:
        if span is None and editor in ("template", "data", "schema"):
            parsed = self.parsed(editor, case)
            span = locate.locate(parsed.root, pointer, rendered, jinja=editor == "template")
        if span is None:
            return Problem(editor, pointer, message, case)
        start, end = locate.utf16(self.text(editor, case), span)
        return Problem(editor, pointer, message, case, start, end)

    def template_problem(self, message: str, case: int | None = None) -> Problem:
        """A template error; its message may start with the line it is on."""
        match = _LINE.match(message)
        span = locate.line_span(self.draft.template, int(match.group(1))) if match else None
        if span is None and message.startswith("the template did not render JSON"):
            # Point at the first place the template's own JSON breaks, if it does.
            span = self.parsed("template", None).error
        return self.problem("template", "", message, case, span=span)


def _parse_json(text: str) -> tuple[Any, str | None, int]:
    """(value, None, 0) or (None, message, offset of the error)."""
    try:
        return json.loads(text), None, 0
    except json.JSONDecodeError as error:
        return None, f"not JSON: {error.msg} (line {error.lineno}, column {error.colno})", error.pos
    except RecursionError:
        return None, "not JSON this server reads: nested too deeply", 0


def parse_draft(draft: Draft) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The `.widget` document a draft stands for (with every sample case written out), or
    the syntax errors of its JSON texts."""
    texts = _Texts(draft)
    problems: list[Problem] = []
    schema, message, offset = _parse_json(draft.json_schema)
    if message is not None:
        problems.append(texts.problem("schema", "", message, span=locate.Span(offset, offset + 1)))
    cases = []
    for index, case in enumerate(draft.cases):
        data, message, offset = _parse_json(case.data)
        if message is not None:
            span = locate.Span(offset, offset + 1)
            problems.append(texts.problem("data", "", message, index, span=span))
        cases.append({"name": case.name, "data": data})
    if problems:
        return None, problems
    document = WidgetFile(
        name=draft.title,
        description=draft.description,
        template=draft.template,
        json_schema=schema,
        output_json_preview=None,
        sample_data=cases,
        encoded_widget=draft.encoded_widget,
        extra=draft.extra,
    ).to_dict()
    return document, []


class DraftError(ValueError):
    """A draft that is not a `.widget` file yet (a JSON text does not parse, a name is
    missing...); `problems` say where."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{p.editor}{p.pointer}: {p.message}" for p in problems))
        self.problems = problems


def draft_file(draft: Draft) -> WidgetFile:
    """The `.widget` file a draft stands for. Raises `DraftError`."""
    document, problems = parse_draft(draft)
    if document is None:
        raise DraftError(problems)
    errors = structure_errors(document)
    if errors:
        texts = _Texts(draft)
        raise DraftError([_structure_problem(texts, error) for error in errors])
    return WidgetFile.from_dict(document)


def workspace_cases(widget_file: WidgetFile) -> list[dict[str, Any]]:
    """The sample cases the workspace shows for a file: its own, the default state inside
    ChatKit Studio's `encodedWidget`, or one empty case."""
    return widget_file.sample_cases() or [{"name": "default", "data": {}}]


def draft_from_file(widget_file: WidgetFile) -> dict[str, Any]:
    """A file as the workspace's editors hold it (a `Draft` as JSON)."""
    return {
        "title": widget_file.name,
        "description": widget_file.description,
        "template": widget_file.template,
        "json_schema": _pretty(widget_file.json_schema),
        "cases": [
            {"name": case["name"], "data": _pretty(case["data"])}
            for case in workspace_cases(widget_file)
        ],
        "encoded_widget": widget_file.encoded_widget,
        "extra": widget_file.extra,
    }


def _pretty(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def check_draft(draft: Draft, case: int = 0) -> DraftCheck:
    """Everything wrong with `draft`, located, and case `case` rendered if it renders."""
    texts = _Texts(draft)
    case = min(case, len(draft.cases) - 1)
    try:
        widget_file = draft_file(draft)
    except DraftError as error:
        return DraftCheck(error.problems, None)
    problems: list[Problem] = []
    widget = None
    # The chosen case first: its problems lead the list.
    order = [case, *(index for index in range(len(draft.cases)) if index != case)]
    for index in order:
        data = widget_file.sample_data[index]["data"]
        try:
            rendered = widget_file.render(data)
        except RenderError as error:
            problems.extend(_render_problems(texts, widget_file, error, index, data))
            continue
        if index == case:
            widget = rendered
    return DraftCheck(problems, widget)


def _structure_problem(texts: _Texts, error: WidgetError) -> Problem:
    pointer = error.pointer
    if pointer == "/template":
        return texts.template_problem(error.message)
    if pointer == "/jsonSchema" or pointer.startswith("/jsonSchema/"):
        return texts.problem("schema", pointer.removeprefix("/jsonSchema"), error.message)
    sample = _SAMPLE_POINTER.match(pointer)
    if sample:
        index, part, rest = int(sample.group(1)), sample.group(2), sample.group(3)
        if part == "/data":
            return texts.problem("data", rest, error.message, index)
        return texts.problem("cases", "", error.message, index)
    return texts.problem("details", pointer, error.message)


def _render_problems(
    texts: _Texts, widget_file: WidgetFile, error: RenderError, case: int, data: Any
) -> list[Problem]:
    if error.stage == "data":
        return [texts.problem("data", e.pointer, e.message, case) for e in error.errors]
    if error.stage == "schema":
        return [texts.problem("schema", "", e.message, case) for e in error.errors]
    if error.stage == "template":
        return [texts.template_problem(e.message, case) for e in error.errors]
    # The widget it rendered is invalid: its pointers lead through the rendered document.
    rendered = json.loads(render_text(widget_file.template, data))
    return [
        texts.problem("template", e.pointer, e.message, case, rendered=rendered)
        for e in error.errors
    ]
