"""Hypothesis strategies for widget documents, derived from the published JSON Schema.

Generating from the schema (not the models) means every generated document is one the
schema accepts by construction; the tests then check the models agree.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from hypothesis import strategies as st

from tests.widgets.documents import SCHEMA
from widgets import values

DEFS: dict[str, Any] = SCHEMA["$defs"]
MAX_DEPTH = 3
UNIONS = {"WidgetComponent", "ComponentOrRoot", "WidgetRoot", "ChartSeries"}

# Valid examples per string format (the formats' regular expressions are checked elsewhere).
FORMAT_EXAMPLES = {
    "CssColor": ["primary", "blue-500", "#0a84ff", "rgb(0 0 0 / 50%)", "teal", "hsl(10, 50%, 40%)"],
    "CssBackground": ["surface", "#fff", "linear-gradient(90deg, #fff 0%, rgb(0 0 0) 100%)"],
    "CssLength": ["12px", "50%", "auto", "2.5rem", "calc(100% - 4px)"],
    "CssSpacing": ["8px", "4px 8px", "0 auto"],
    "CssFlex": ["1", "1 1 auto", "none", "0 0 120px"],
    "CssRatio": ["16/9", "4 / 3", "1.5", "auto"],
    "FieldName": ["email", "todo.title", "a_b-c"],
    "IsoDate": ["2025-03-14", "2025-03-14T09:30:00Z", "2025-03-14T09:30:00.5+01:00"],
    "ImageUrl": ["https://cdn.example.com/a.png?w=64#x", "http://localhost:8000/i.jpg", "data:image/png;base64,iVBORw0KGgo="],
}  # fmt: skip
ICONS = st.sampled_from([*values.ICON_NAMES, "lucide:arrow-right", "vendor:acme"])

json_scalars = st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=10)
json_values = st.recursive(
    json_scalars | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


@cache
def _format_examples() -> dict[str, st.SearchStrategy]:
    by_pattern = {}
    for name, examples in FORMAT_EXAMPLES.items():
        pattern = getattr(values, name).__metadata__[0]
        by_pattern[values.anchored(pattern.regex)] = st.sampled_from(examples)
    return by_pattern


def from_schema(schema: dict[str, Any], depth: int = 0) -> st.SearchStrategy:
    if "$ref" in schema:
        return definition(schema["$ref"].rsplit("/", 1)[-1], depth)
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "anyOf" in schema and {"enum": list(values.ICON_NAMES)} in schema["anyOf"]:
        return ICONS
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return st.one_of([from_schema(member, depth) for member in schema[key]])
    kind = schema.get("type")
    if kind == "string":
        if "pattern" in schema:
            return _format_examples()[schema["pattern"]]
        return st.text(
            min_size=schema.get("minLength", 0), max_size=min(schema.get("maxLength", 12), 12)
        )
    if kind == "integer":
        return st.integers(min_value=schema.get("minimum", -1000), max_value=10_000)
    if kind == "number":
        low = schema.get("minimum")
        return st.integers(min_value=low, max_value=10_000) | st.floats(
            min_value=low, max_value=1e6, allow_nan=False, allow_infinity=False
        )
    if kind == "boolean":
        return st.booleans()
    if kind == "array":
        items = schema.get("items", {})
        deep = items.get("$ref", "").rsplit("/", 1)[-1] in UNIONS or "Table" in items.get(
            "$ref", ""
        )
        limit = 0 if deep and depth >= MAX_DEPTH else 3
        return st.lists(from_schema(items, depth + 1), max_size=limit)
    if kind == "object":
        return _object(schema, depth)
    return json_values


def _object(schema: dict[str, Any], depth: int) -> st.SearchStrategy:
    props = schema.get("properties")
    if props is None:
        extra = schema.get("additionalProperties", True)
        values_strategy = json_values if extra is True else from_schema(extra, depth)
        return st.dictionaries(st.text(max_size=8), values_strategy, max_size=3)
    required = schema.get("required", [])
    return st.fixed_dictionaries(
        {name: from_schema(props[name], depth) for name in required},
        optional={
            name: from_schema(sub, depth) for name, sub in props.items() if name not in required
        },
    )


def definition(name: str, depth: int) -> st.SearchStrategy:
    return _union_or_object(DEFS[name], name, depth)


def _union_or_object(body: dict[str, Any], name: str, depth: int) -> st.SearchStrategy:
    if "allOf" in body and "if" in body["allOf"][0]:
        branches = [branch["then"]["$ref"].rsplit("/", 1)[-1] for branch in body["allOf"]]
        if depth >= MAX_DEPTH:
            # Deep enough: no component that must hold another component.
            branches = [b for b in branches if b != "Transition"]
        return st.one_of([st.deferred(lambda b=b: definition(b, depth)) for b in branches])
    return _object_with_depth(name, depth)


@cache
def _object_with_depth(name: str, depth: int) -> st.SearchStrategy:
    return from_schema({k: v for k, v in DEFS[name].items() if k != "$ref"}, depth)


# The schema's root is the union of the roots.
widgets = _union_or_object(SCHEMA, "", 0)
