"""`.widget` template files (ChatKit's format) and rendering them into widgets.

A `.widget` file is a JSON object:

- `version`: `"1.0"`;
- `name`: the template's display name;
- `template`: a Jinja template rendering to widget JSON;
- `jsonSchema`: the JSON Schema (2020-12) of the data the template takes;
- `outputJsonPreview`: the widget rendered from sample data;
- `encodedWidget` (optional): ChatKit Studio's project, kept as is.

Two optional keys are this project's own, and ChatKit ignores them: `description`, and
`sampleData`, named cases of data (`[{"name": ..., "data": {...}}]`). Unknown keys are kept
and written back after the known ones, so files from newer tools survive a round trip.
Files in the layout ChatKit Studio writes (its key order, two-space indentation, no final
newline) round-trip byte for byte; other files round-trip value for value.

Rendering validates the data against `jsonSchema` first (errors point into the data), renders
in a budgeted Jinja sandbox (`widgets.sandbox`), parses the output as JSON and validates it
as a widget (errors point into the widget).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Literal

from jinja2 import TemplateError, TemplateSyntaxError
from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError, best_match
from jsonschema.exceptions import ValidationError as SchemaValidationError
from referencing.exceptions import Unresolvable

from widgets.limits import DATA_LIMITS, check_limits, json_pointer
from widgets.sandbox import (
    MAX_SOURCE_CHARS,
    BudgetedEnvironment,
    RenderBudgetExceeded,
    render_text,
)
from widgets.validation import WidgetError, show, validate_widget

WIDGET_FILE_VERSION = "1.0"
# The order keys are written in: ChatKit Studio's, with this project's keys in between.
KNOWN_KEYS = (
    "version",
    "name",
    "description",
    "template",
    "jsonSchema",
    "outputJsonPreview",
    "sampleData",
    "encodedWidget",
)
MAX_NAME_LENGTH = 200
MAX_ERRORS = 50

Stage = Literal["schema", "data", "template", "widget"]


class WidgetFileError(ValueError):
    """A `.widget` document that is not a template file; errors point into the file."""

    def __init__(self, errors: list[WidgetError]) -> None:
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = errors


class RenderError(ValueError):
    """Rendering failed at `stage`.

    Pointers point into the data (`data`), the rendered widget (`widget`) or nowhere
    (`schema`, `template`: the message says where).
    """

    def __init__(self, stage: Stage, errors: list[WidgetError]) -> None:
        super().__init__(f"{stage}: " + "; ".join(str(error) for error in errors))
        self.stage = stage
        self.errors = errors


# --- rendering -------------------------------------------------------------------------------


def validate_data(data: Any, json_schema: Mapping[str, Any]) -> list[WidgetError]:
    """Problems of template data against the template's `jsonSchema`, pointing into the data."""
    problem = check_limits(data, DATA_LIMITS)
    if problem is not None:
        return [WidgetError(problem.pointer, problem.message)]
    validator = Draft202012Validator(json_schema)
    try:
        found = list(validator.iter_errors(data))
    except Unresolvable as error:
        raise RenderError(
            "schema", [WidgetError("", f"jsonSchema has a $ref that cannot be resolved: {error}")]
        ) from None
    except RecursionError:
        raise RenderError(
            "schema", [WidgetError("", "jsonSchema refers to itself without end")]
        ) from None
    errors: list[WidgetError] = []
    for error in found:
        # One `required` error per missing property, each listing all of them: keep one.
        errors.extend(e for e in _data_errors(error) if e not in errors)
    if not errors and not isinstance(data, dict):
        errors.append(WidgetError("", f"template data must be an object; got {show(data)}"))
    return errors[:MAX_ERRORS]


def _data_errors(error: SchemaValidationError) -> Iterable[WidgetError]:
    path = tuple(error.absolute_path)
    pointer = json_pointer(path)
    instance = error.instance
    if error.validator == "required" and isinstance(instance, dict):
        for name in error.validator_value:
            if name not in instance:
                yield WidgetError(
                    json_pointer((*path, name)), f"missing required property '{name}'"
                )
        return
    if error.validator == "additionalProperties" and isinstance(instance, dict):
        known = error.schema.get("properties", {})
        patterns = error.schema.get("patternProperties", {})
        for name in instance:
            if name not in known and not any(re.search(p, name) for p in patterns):
                yield WidgetError(json_pointer((*path, name)), f"unknown property '{name}'")
        return
    if error.context:
        deepest = best_match(error.context)
        yield from _data_errors(deepest)
        return
    yield WidgetError(pointer, error.message)


def render_widget(
    template: str, data: Mapping[str, Any], json_schema: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Render a widget template with `data`: validated, rendered in the sandbox, validated.

    Raises `RenderError`; its `stage` says which step failed.
    """
    if json_schema is not None:
        errors = validate_data(data, json_schema)
        if errors:
            raise RenderError("data", errors)
    elif not isinstance(data, dict):
        raise RenderError("data", [WidgetError("", "template data must be an object")])
    try:
        text = render_text(template, data)
    except TemplateSyntaxError as error:
        raise RenderError("template", [_template_error(error.message, error.lineno)]) from None
    except RenderBudgetExceeded as error:
        raise RenderError("template", [WidgetError("", str(error))]) from None
    except RecursionError:
        raise RenderError(
            "template", [WidgetError("", "the template recursed too deeply")]
        ) from None
    except (TemplateError, ArithmeticError, TypeError, ValueError, LookupError) as error:
        message = getattr(error, "message", None) or str(error)
        line = _template_line(error.__traceback__)
        raise RenderError("template", [_template_error(message, line)]) from None
    try:
        widget = json.loads(text)
    except RecursionError:
        raise RenderError(
            "template", [WidgetError("", "the template rendered JSON nested too deeply")]
        ) from None
    except json.JSONDecodeError as error:
        excerpt = text[max(error.pos - 30, 0) : error.pos + 30]
        raise RenderError(
            "template",
            [
                WidgetError(
                    "",
                    f"the template did not render JSON ({error.msg} at character {error.pos}, "
                    f"near {excerpt!r})",
                )
            ],
        ) from None
    errors = validate_widget(widget)
    if errors:
        raise RenderError("widget", errors[:MAX_ERRORS])
    return widget


def _template_error(message: str | None, line: int | None) -> WidgetError:
    where = f"line {line}: " if line else ""
    return WidgetError("", f"{where}{message or 'error'}")


def _template_line(traceback: TracebackType | None) -> int | None:
    """The template line an error was raised on (Jinja rewrites tracebacks to it)."""
    line = None
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == "<template>":
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line


# --- the file format -----------------------------------------------------------------------


@dataclass
class WidgetFile:
    """A parsed `.widget` file."""

    name: str
    template: str
    json_schema: dict[str, Any]
    output_json_preview: Any
    description: str = ""
    sample_data: list[dict[str, Any]] = field(default_factory=list)
    encoded_widget: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    version: str = WIDGET_FILE_VERSION

    @classmethod
    def loads(cls, text: str) -> WidgetFile:
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            raise WidgetFileError(
                [
                    WidgetError(
                        "", f"not JSON: {error.msg} (line {error.lineno}, column {error.colno})"
                    )
                ]
            ) from None
        return cls.from_dict(document)

    @classmethod
    def from_dict(cls, document: Any) -> WidgetFile:
        errors = structure_errors(document)
        if errors:
            raise WidgetFileError(errors)
        return cls(
            version=document["version"],
            name=document["name"],
            description=document.get("description", ""),
            template=document["template"],
            json_schema=document["jsonSchema"],
            output_json_preview=document["outputJsonPreview"],
            sample_data=document.get("sampleData", []),
            encoded_widget=document.get("encodedWidget"),
            extra={key: value for key, value in document.items() if key not in KNOWN_KEYS},
        )

    def to_dict(self) -> dict[str, Any]:
        document: dict[str, Any] = {"version": self.version, "name": self.name}
        if self.description:
            document["description"] = self.description
        document["template"] = self.template
        document["jsonSchema"] = self.json_schema
        document["outputJsonPreview"] = self.output_json_preview
        if self.sample_data:
            document["sampleData"] = self.sample_data
        if self.encoded_widget is not None:
            document["encodedWidget"] = self.encoded_widget
        document.update(self.extra)
        return document

    def dumps(self) -> str:
        """The file's text, laid out as ChatKit Studio writes it."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    def sample_cases(self) -> list[dict[str, Any]]:
        """Named sample data: `sampleData`, else the default state inside `encodedWidget`."""
        if self.sample_data:
            return self.sample_data
        state = studio_default_state(self.encoded_widget)
        return [{"name": "default", "data": state}] if state is not None else []

    def sample(self, name: str | None = None) -> dict[str, Any]:
        """The data of the sample case `name` (default: the first one; `{}` if none)."""
        cases = self.sample_cases()
        for case in cases:
            if name is None or case["name"] == name:
                return case["data"]
        if name is not None:
            raise KeyError(name)
        return {}

    def render(self, data: Mapping[str, Any]) -> dict[str, Any]:
        return render_widget(self.template, data, self.json_schema)

    def problems(self) -> list[WidgetError]:
        """Everything wrong with the file, pointing into it: the preview, and rendering each
        sample case (data errors point into the case, the rest name the case)."""
        problems = [
            WidgetError(f"/outputJsonPreview{error.pointer}", error.message)
            for error in validate_widget(self.output_json_preview)
        ]
        for index, case in enumerate(self.sample_cases()):
            where = f"/sampleData/{index}/data" if self.sample_data else "/encodedWidget"
            label = f"sample {case['name']!r}"
            try:
                self.render(case["data"])
            except RenderError as error:
                problems.extend(_located(error, where, label))
        return problems


def _located(error: RenderError, where: str, label: str) -> list[WidgetError]:
    if error.stage == "data":
        if where == "/encodedWidget":
            return [
                WidgetError(where, f"{label}: {e.pointer or '/'}: {e.message}")
                for e in error.errors
            ]
        return [WidgetError(f"{where}{e.pointer}", e.message) for e in error.errors]
    if error.stage == "widget":
        return [
            WidgetError(
                "/template", f"{label} renders an invalid widget at {e.pointer or '/'}: {e.message}"
            )
            for e in error.errors
        ]
    pointer = "/jsonSchema" if error.stage == "schema" else "/template"
    return [WidgetError(pointer, f"{label}: {e.message}") for e in error.errors]


def structure_errors(document: Any) -> list[WidgetError]:
    """What keeps `document` from being a `.widget` file (not the widget inside)."""
    if not isinstance(document, dict):
        return [WidgetError("", f"a .widget file must be a JSON object; got {show(document)}")]
    errors: list[WidgetError] = []
    for key in ("version", "name", "template", "jsonSchema", "outputJsonPreview"):
        if key not in document:
            errors.append(WidgetError(f"/{key}", f"missing required property '{key}'"))
    version = document.get("version", WIDGET_FILE_VERSION)
    if version != WIDGET_FILE_VERSION:
        errors.append(
            WidgetError("/version", f"expected '{WIDGET_FILE_VERSION}'; got {show(version)}")
        )
    name = document.get("name", "name")
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME_LENGTH:
        errors.append(
            WidgetError(
                "/name", f"expected a name of 1 to {MAX_NAME_LENGTH} characters; got {show(name)}"
            )
        )
    template = document.get("template", "")
    if not isinstance(template, str):
        errors.append(WidgetError("/template", f"expected a string; got {show(template)}"))
    elif len(template) > MAX_SOURCE_CHARS:
        errors.append(WidgetError("/template", f"longer than {MAX_SOURCE_CHARS:,} characters"))
    else:
        try:
            BudgetedEnvironment().from_string(template)
        except TemplateSyntaxError as error:
            errors.append(
                WidgetError("/template", _template_error(error.message, error.lineno).message)
            )
    errors.extend(_schema_errors(document.get("jsonSchema", {})))
    description = document.get("description", "")
    if not isinstance(description, str):
        errors.append(WidgetError("/description", f"expected a string; got {show(description)}"))
    errors.extend(_sample_errors(document.get("sampleData", [])))
    encoded = document.get("encodedWidget", "")
    if not isinstance(encoded, str):
        errors.append(WidgetError("/encodedWidget", f"expected a string; got {show(encoded)}"))
    return errors


def _schema_errors(json_schema: Any) -> list[WidgetError]:
    if not isinstance(json_schema, dict):
        return [
            WidgetError("/jsonSchema", f"expected a JSON Schema object; got {show(json_schema)}")
        ]
    try:
        Draft202012Validator.check_schema(json_schema)
    except SchemaError as error:
        return [
            WidgetError(
                "/jsonSchema" + json_pointer(error.absolute_path),
                f"not a valid JSON Schema: {error.message}",
            )
        ]
    return []


def _sample_errors(cases: Any) -> list[WidgetError]:
    if not isinstance(cases, list):
        return [
            WidgetError("/sampleData", f"expected an array of {{name, data}}; got {show(cases)}")
        ]
    errors: list[WidgetError] = []
    seen: set[str] = set()
    for index, case in enumerate(cases):
        pointer = f"/sampleData/{index}"
        if not isinstance(case, dict) or set(case) != {"name", "data"}:
            errors.append(WidgetError(pointer, "expected an object with exactly 'name' and 'data'"))
            continue
        name = case["name"]
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME_LENGTH:
            errors.append(
                WidgetError(f"{pointer}/name", f"expected a non-empty name; got {show(name)}")
            )
        elif name in seen:
            errors.append(WidgetError(f"{pointer}/name", f"sample name {name!r} is used twice"))
        else:
            seen.add(name)
        if not isinstance(case["data"], dict):
            errors.append(
                WidgetError(f"{pointer}/data", f"expected an object; got {show(case['data'])}")
            )
    return errors


def studio_default_state(encoded_widget: str | None) -> dict[str, Any] | None:
    """The sample data (`defaultState`) inside ChatKit Studio's base64url `encodedWidget`."""
    if not encoded_widget:
        return None
    try:
        padded = encoded_widget + "=" * (-len(encoded_widget) % 4)
        project = json.loads(base64.urlsafe_b64decode(padded))
    except (binascii.Error, ValueError):
        return None
    state = project.get("defaultState") if isinstance(project, dict) else None
    return state if isinstance(state, dict) else None
