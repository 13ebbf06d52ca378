"""Validating widget documents: every error as a JSON pointer and a sentence.

    >>> validate_widget({"type": "Card", "children": [{"type": "Badge", "label": "New", "size": "huge"}]})
    [WidgetError(pointer='/children/0/size', message="expected one of sm, md, lg; got 'huge'")]

The limits (size, depth, component count) are checked first, without recursion, so hostile
documents fail fast; then the catalog models check everything else. Pydantic reports
errors against its own locations (which include union tags); they are translated here into
JSON pointers into the document and messages that say what was expected.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from widgets.catalog import COMPONENTS, NESTED_ONLY, ROOTS, UNIONS, WidgetRoot, type_name
from widgets.limits import LIMITS, Limits, check_limits, json_pointer

_root_adapter: TypeAdapter[Any] = TypeAdapter(WidgetRoot)


@dataclass(frozen=True)
class WidgetError:
    pointer: str
    """JSON pointer (RFC 6901) into the document, such as `/children/2/onClickAction/type`."""
    message: str
    """What was expected and what was found."""

    def __str__(self) -> str:
        return f"{self.pointer or '/'}: {self.message}"


def validate_widget(document: Any, limits: Limits = LIMITS) -> list[WidgetError]:
    """Every problem of a widget root document; an empty list means it is valid."""
    problem = check_limits(document, limits)
    if problem is not None:
        return [WidgetError(problem.pointer, problem.message)]
    try:
        _root_adapter.validate_python(document)
    except ValidationError as error:
        return translate(error.errors(include_url=False), document)
    return []


def is_valid_widget(document: Any) -> bool:
    return not validate_widget(document)


# --- translating pydantic errors ---------------------------------------------------------


def translate(errors: Iterable[ErrorDetails], document: Any) -> list[WidgetError]:
    """Pydantic errors as widget errors, without the noise a wrong `type` causes."""
    located = [(_path(error, document), error) for error in errors]
    # A node whose `type` is wrong also "lacks" the props of the type it was checked as:
    # only the type error is worth reading.
    wrong_types = {
        path[:-1]
        for path, error in located
        if path and path[-1] == "type" and _is_type_error(error)
    }
    result: list[WidgetError] = []
    for path, error in located:
        if any(path[: len(node)] == node and path != (*node, "type") for node in wrong_types):
            continue
        pointer, message = _describe(path, error, document)
        widget_error = WidgetError(pointer, message)
        if widget_error not in result:
            result.append(widget_error)
    return result


def _is_type_error(error: ErrorDetails) -> bool:
    return error["type"] in ("literal_error", "component_type")


def _path(error: ErrorDetails, document: Any) -> tuple[str | int, ...]:
    """The document path of an error.

    Pydantic's location also names the member chosen at each union: a component's `type`
    or a bracketed kind such as `<string>`. Those are skipped; the last entry of a
    missing or unknown property is always the property's name.
    """
    loc = error["loc"]
    kind = error["type"]
    path: list[str | int] = []
    node = document
    for index, entry in enumerate(loc):
        names_property = index == len(loc) - 1 and kind in ("missing", "extra_forbidden")
        if not names_property and _is_tag(entry, node):
            continue
        if _has_member(node, entry):
            node = node[entry]
            path.append(entry)
        elif names_property:
            path.append(entry)
    if kind == "component_type" and isinstance(node, dict):
        path.append("type")
    return tuple(path)


def _has_member(node: Any, entry: str | int) -> bool:
    if isinstance(node, dict):
        return isinstance(entry, str) and entry in node
    return isinstance(node, list) and isinstance(entry, int) and 0 <= entry < len(node)


def _is_tag(entry: str | int, node: Any) -> bool:
    if not isinstance(entry, str):
        return False
    if entry.startswith("<") and entry.endswith(">"):
        return True
    return isinstance(node, dict) and node.get("type") == entry


def show(value: Any) -> str:
    """A found value, briefly, in JSON terms."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:57] + "..."
        return repr(text)
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    return f"a {type(value).__name__}"


_EXPECTED_TYPES = {
    "string_type": "a string",
    "bool_type": "true or false",
    "int_type": "a whole number",
    "float_type": "a number",
    "dict_type": "an object",
    "list_type": "an array",
    "model_type": "an object",
    "model_attributes_type": "an object",
}


def _parent_type(path: tuple[str | int, ...], document: Any) -> str | None:
    node = document
    for token in path[:-1]:
        node = node[token]
    if isinstance(node, dict) and isinstance(node.get("type"), str):
        return node["type"]
    return None


def _describe(path: tuple[str | int, ...], error: ErrorDetails, document: Any) -> tuple[str, str]:
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    pointer = json_pointer(path)
    got = f"; got {show(value)}"

    if kind == "missing":
        return pointer, f"missing required property '{path[-1]}'"
    if kind == "extra_forbidden":
        return pointer, _unknown_property(path, document)
    if kind == "literal_error":
        options = re.findall(r"'((?:[^'\\]|\\.)*)'", ctx.get("expected", ""))
        if ctx.get("expected") in ("True", "False"):
            return pointer, f"expected {ctx['expected'].lower()}{got}"
        if path and path[-1] == "type":
            return pointer, _misplaced(value, tuple(options), path)
        if not options:
            return pointer, f"expected {ctx.get('expected')}{got}"
        if len(options) == 1:
            return pointer, f"expected '{options[0]}'{got}"
        return pointer, f"expected one of {', '.join(options)}{got}"
    if kind == "component_type":
        return pointer, _component_type(value, ctx.get("union", ""), path)
    if kind in _EXPECTED_TYPES:
        return pointer, f"expected {_EXPECTED_TYPES[kind]}{got}"
    if kind in ("string_too_short", "too_short"):
        return pointer, f"must not be empty{got}" if ctx.get("min_length") == 1 else error["msg"]
    if kind in ("string_too_long", "too_long"):
        limit = ctx.get("max_length")
        return pointer, f"longer than the {limit:,} characters allowed"
    return pointer, f"{error['msg']}{got}"


def _unknown_property(path: tuple[str | int, ...], document: Any) -> str:
    name = str(path[-1])
    owner = _parent_type(path, document)
    model = COMPONENTS.get(owner) if owner else None
    if model is None:
        return f"unknown property '{name}'"
    message = f"unknown property '{name}' for {owner}"
    close = difflib.get_close_matches(name, [*model.model_fields], n=1)
    return f"{message}; did you mean '{close[0]}'?" if close else message


def _misplaced(value: Any, expected: tuple[str, ...], path: tuple[str | int, ...]) -> str:
    """A `type` that does not fit its one possible place (a ListView row, a table row...)."""
    if len(expected) == 1 and expected[0] in COMPONENTS:
        parent = NESTED_ONLY.get(COMPONENTS[expected[0]])
        where = f" (a {type_name(parent)} holds only {expected[0]})" if parent else ""
        return f"expected '{expected[0]}' here{where}; got {show(value)}"
    return f"expected one of {', '.join(expected)}; got {show(value)}"


def _component_type(value: Any, union: str, path: tuple[str | int, ...]) -> str:
    allowed = UNIONS.get(union, ())
    if not isinstance(value, dict):
        return f"expected a component object; got {show(value)}"
    tag = value.get("type")
    if "type" not in value:
        return "missing required property 'type'"
    if not isinstance(tag, str):
        return f"expected a component type name; got {show(tag)}"
    if union == "WidgetRoot":
        return f"a widget root must be one of {', '.join(allowed)}; got {show(tag)}"
    model = COMPONENTS.get(tag)
    if model in NESTED_ONLY:
        parent = type_name(NESTED_ONLY[model])
        return f"'{tag}' may only appear directly inside a {parent}"
    if model in ROOTS:
        return f"'{tag}' is a widget root: it may only be the top level or a child of Basic"
    if union == "ChartSeries":
        return f"expected a series type, one of {', '.join(allowed)}; got {show(tag)}"
    return f"unknown component type {show(tag)}"
