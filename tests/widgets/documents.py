"""Widget documents for the tests: a minimal valid instance of everything in the catalog."""

from __future__ import annotations

import copy
import json
from typing import Any

from jsonschema import Draft202012Validator
from pydantic import TypeAdapter, ValidationError

from widgets.catalog import COMPONENTS, ROOTS, WidgetRoot, type_name
from widgets.gallery import gallery
from widgets.schema import widget_schema

ROOT_ADAPTER = TypeAdapter(WidgetRoot)
SCHEMA = widget_schema()
SCHEMA_VALIDATOR = Draft202012Validator(SCHEMA)

MINIMAL_COMPONENTS: dict[str, dict[str, Any]] = {
    "Card": {"type": "Card", "children": []},
    "ListView": {"type": "ListView", "children": []},
    "Basic": {"type": "Basic", "children": []},
    "ListViewItem": {"type": "ListViewItem", "children": []},
    "Box": {"type": "Box"},
    "Row": {"type": "Row"},
    "Col": {"type": "Col"},
    "Form": {"type": "Form"},
    "Spacer": {"type": "Spacer"},
    "Divider": {"type": "Divider"},
    "Transition": {"type": "Transition", "children": {"type": "Text", "value": "Moving"}},
    "Text": {"type": "Text", "value": "Hello"},
    "Title": {"type": "Title", "value": "Order #1"},
    "Caption": {"type": "Caption", "value": "Placed today"},
    "Markdown": {"type": "Markdown", "value": "**Bold** and `code`"},
    "Label": {"type": "Label", "value": "E-mail", "fieldName": "email"},
    "Badge": {"type": "Badge", "label": "New"},
    "Icon": {"type": "Icon", "name": "check"},
    "Image": {"type": "Image", "src": "https://cdn.example.com/a.png"},
    "Button": {"type": "Button", "label": "Go"},
    "Input": {"type": "Input", "name": "email"},
    "Textarea": {"type": "Textarea", "name": "comment"},
    "Select": {"type": "Select", "name": "size", "options": []},
    "DatePicker": {"type": "DatePicker", "name": "date"},
    "Checkbox": {"type": "Checkbox", "name": "agree"},
    "RadioGroup": {"type": "RadioGroup", "name": "rating"},
    "Chart": {"type": "Chart", "data": [], "series": [], "xAxis": "day"},
    "Table": {"type": "Table"},
    "Table.Row": {"type": "Table.Row"},
    "Table.Cell": {"type": "Table.Cell"},
}

MINIMAL_OBJECTS: dict[str, dict[str, Any]] = {
    "ActionConfig": {"type": "order.track"},
    "CardAction": {"label": "OK", "action": {"type": "ok"}},
    "FaviconStatus": {"text": "Acme"},
    "IconStatus": {"text": "Acme", "icon": "check"},
    "ThemeColor": {"light": "#111", "dark": "#eee"},
    "ThemeBackground": {"light": "surface", "dark": "#000"},
    "Spacing": {},
    "Border": {"size": 1},
    "Borders": {"top": 1},
    "EditableProps": {"name": "title"},
    "SelectOption": {"value": "s", "label": "Small"},
    "RadioOption": {"value": "good", "label": "Good"},
    "XAxis": {"dataKey": "day"},
    "BarSeries": {"type": "bar", "dataKey": "revenue"},
    "AreaSeries": {"type": "area", "dataKey": "revenue"},
    "LineSeries": {"type": "line", "dataKey": "revenue"},
}


def card(*children: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Card", "children": list(children)}


def with_component(component: dict[str, Any]) -> dict[str, Any]:
    """A valid root holding `component` where the catalog allows it."""
    kind = component["type"]
    if kind in {type_name(model) for model in ROOTS}:
        return component
    if kind == "ListViewItem":
        return {"type": "ListView", "children": [component]}
    if kind == "Table.Row":
        return card({"type": "Table", "children": [component]})
    if kind == "Table.Cell":
        return card({"type": "Table", "children": [{"type": "Table.Row", "children": [component]}]})
    return card(component)


def with_object(name: str, value: dict[str, Any]) -> dict[str, Any]:
    """A valid root using the shared object `name` (a $defs name) as `value`."""
    holders = {
        "ActionConfig": lambda v: card({"type": "Button", "onClickAction": v}),
        "CardAction": lambda v: {"type": "Card", "children": [], "confirm": v},
        "FaviconStatus": lambda v: {"type": "Card", "children": [], "status": v},
        "IconStatus": lambda v: {"type": "Card", "children": [], "status": v},
        "ThemeColor": lambda v: card({"type": "Text", "value": "x", "color": v}),
        "ThemeBackground": lambda v: card({"type": "Box", "background": v}),
        "Spacing": lambda v: card({"type": "Box", "padding": v}),
        "Border": lambda v: card({"type": "Box", "border": v}),
        "Borders": lambda v: card({"type": "Box", "border": v}),
        "EditableProps": lambda v: card({"type": "Text", "value": "x", "editable": v}),
        "SelectOption": lambda v: card({"type": "Select", "name": "s", "options": [v]}),
        "RadioOption": lambda v: card({"type": "RadioGroup", "name": "r", "options": [v]}),
        "XAxis": lambda v: card({"type": "Chart", "data": [], "series": [], "xAxis": v}),
        "BarSeries": lambda v: card({"type": "Chart", "data": [], "series": [v], "xAxis": "d"}),
        "AreaSeries": lambda v: card({"type": "Chart", "data": [], "series": [v], "xAxis": "d"}),
        "LineSeries": lambda v: card({"type": "Chart", "data": [], "series": [v], "xAxis": "d"}),
    }
    return holders[name](value)


def minimal(definition: str) -> tuple[dict[str, Any], Any]:
    """(minimal instance, function embedding an instance in a root) of a $defs name."""
    for kind, model in COMPONENTS.items():
        if model.__name__ == definition:
            return copy.deepcopy(MINIMAL_COMPONENTS[kind]), with_component
    return copy.deepcopy(MINIMAL_OBJECTS[definition]), lambda v: with_object(definition, v)


def model_accepts(document: Any) -> bool:
    try:
        ROOT_ADAPTER.validate_python(document)
    except ValidationError:
        return False
    return True


def schema_accepts(document: Any) -> bool:
    return SCHEMA_VALIDATOR.is_valid(document)


def gallery_widgets() -> dict[str, dict[str, Any]]:
    """Every gallery template's preview and sample renders, by `name/case`."""
    widgets = {}
    for name, widget_file in gallery().items():
        widgets[f"{name}/preview"] = widget_file.output_json_preview
        for case in widget_file.sample_cases():
            widgets[f"{name}/{case['name']}"] = widget_file.render(case["data"])
    return widgets


def pointers(value: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """(JSON pointer, value) of every value inside `value`, the root excluded."""
    found = []
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, item in items:
        pointer = f"{prefix}/{str(key).replace('~', '~0').replace('/', '~1')}"
        found.append((pointer, item))
        found.extend(pointers(item, pointer))
    return found


def replaced(document: Any, pointer: str, value: Any) -> Any:
    document = copy.deepcopy(document)
    tokens = [token.replace("~1", "/").replace("~0", "~") for token in pointer.split("/")[1:]]
    node = document
    for token in tokens[:-1]:
        node = node[int(token)] if isinstance(node, list) else node[token]
    last = tokens[-1]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return document


def compact(document: Any) -> str:
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False)
