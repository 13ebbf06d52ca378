"""The published JSON Schema (draft 2020-12) of a widget root, generated from the catalog.

Pydantic writes the schema from `widgets.catalog`; this module shapes its output for
validators: component unions become `if`/`then` chains keyed on `type`, so a validator
checks a node against the one component it claims to be and reports errors there (a
plain `oneOf` would report every other component's errors too). Optional props that
default to nothing lose their `default: null`, and property titles go (the names say it).
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from typing import Any

from pydantic import TypeAdapter
from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import core_schema

from widgets.catalog import WidgetRoot, type_tag
from widgets.limits import LIMITS

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "urn:chatkit:widget-root"

JsonSchema = dict[str, Any]


class WidgetSchemaGenerator(GenerateJsonSchema):
    def tagged_union_schema(self, schema: core_schema.TaggedUnionSchema) -> JsonSchema:
        if schema["discriminator"] is not type_tag:
            return super().tagged_union_schema(schema)
        tags = [str(tag) for tag in schema["choices"]]
        return {
            "type": "object",
            "required": ["type"],
            "properties": {"type": {"enum": tags}},
            "allOf": [
                {
                    "if": {"properties": {"type": {"const": tag}}, "required": ["type"]},
                    "then": self.generate_inner(choice),
                }
                for tag, choice in zip(tags, schema["choices"].values(), strict=True)
            ],
        }

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchema:
        if schema.get("default", ...) is None:
            return self.generate_inner(schema["schema"])
        return super().default_schema(schema)

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False


@cache
def _schema_json() -> str:
    generated = TypeAdapter(WidgetRoot).json_schema(schema_generator=WidgetSchemaGenerator)
    schema = {
        "$schema": SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
        "title": "ChatKit widget",
        "description": (
            "A widget root (Card, ListView or Basic) of the ChatKit component catalog. "
            f"A widget is also limited to {LIMITS.max_bytes} bytes of compact JSON, "
            f"{LIMITS.max_depth} levels of nesting and {LIMITS.max_nodes} components."
        ),
        **generated,
    }
    return json.dumps(schema, ensure_ascii=False)


def widget_schema() -> JsonSchema:
    """A fresh copy of the widget root schema (callers may change it)."""
    return json.loads(_schema_json())


def schema_json(indent: int | None = 2) -> str:
    """The schema as JSON text; compact (and cached) when `indent` is None."""
    if indent is None:
        return _schema_json()
    return json.dumps(widget_schema(), indent=indent, ensure_ascii=False)


@cache
def schema_etag() -> str:
    return '"' + hashlib.sha256(_schema_json().encode()).hexdigest()[:32] + '"'


def schema_module() -> str:
    """`static/widgets/schema.js`: the schema and limits as an ES module for the renderer."""
    return (
        "// The JSON Schema (draft 2020-12) of a ChatKit widget root and the widget limits.\n"
        "// Generated from widgets/catalog.py by `manage.py widgets schema --js`; do not edit.\n"
        "//\n"
        "// limits: maxBytes is the UTF-8 length of the compact JSON text; maxDepth counts\n"
        "// nested objects and arrays, except that a `children` array adds no level (so a\n"
        "// Card holding a Text has depth 2); maxNodes counts the root and every value of a\n"
        "// `children` array or object.\n"
        f"export const widgetSchema = {schema_json()};\n"
        f"export const limits = {{maxBytes: {LIMITS.max_bytes}, "
        f"maxDepth: {LIMITS.max_depth}, maxNodes: {LIMITS.max_nodes}}};\n"
    )
