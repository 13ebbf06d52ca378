"""`docs/widgets.md`, generated from the catalog by `manage.py widgets docs`.

Prop tables come from the published JSON Schema (itself generated from the models), so the
reference says exactly what the validator accepts.
"""

from __future__ import annotations

import json
import re
from typing import Any

from widgets import values
from widgets.catalog import COMPONENTS
from widgets.limits import LIMITS
from widgets.sandbox import MAX_SECONDS, MAX_SOURCE_CHARS, MAX_STEPS
from widgets.schema import widget_schema

CATEGORIES = {
    "Roots": ["Card", "ListView", "Basic"],
    "Lists": ["ListViewItem"],
    "Layout": ["Box", "Row", "Col", "Form", "Spacer", "Divider", "Transition"],
    "Text": ["Text", "Title", "Caption", "Markdown", "Label"],
    "Content": ["Badge", "Icon", "Image", "Button"],
    "Form controls": ["Input", "Textarea", "Select", "DatePicker", "Checkbox", "RadioGroup"],
    "Data": ["Chart", "Table", "Table.Row", "Table.Cell"],
}
SHARED_OBJECTS = [
    "ActionConfig",
    "CardAction",
    "FaviconStatus",
    "IconStatus",
    "ThemeColor",
    "ThemeBackground",
    "Spacing",
    "Border",
    "Borders",
    "EditableProps",
    "SelectOption",
    "RadioOption",
    "XAxis",
    "BarSeries",
    "AreaSeries",
    "LineSeries",
]
UNION_WORDS = {
    "WidgetComponent": "[component](#components)",
    "ComponentOrRoot": "[component](#components) or [root](#roots)",
    "WidgetRoot": "[root](#roots)",
}


def anchor(title: str) -> str:
    """The anchor GitHub gives a heading."""
    return re.sub(r"[^a-z0-9 _-]", "", title.lower()).replace(" ", "-")


def _value_formats() -> dict[str, tuple[str, str]]:
    """Published pattern -> (format name, what it accepts), from the value types."""
    formats: dict[str, tuple[str, str]] = {}
    for name in dir(values):
        annotated = getattr(values, name)
        for meta in getattr(annotated, "__metadata__", ()):
            if isinstance(meta, values.Pattern):
                formats[values.anchored(meta.regex)] = (
                    name,
                    meta.expected.removeprefix("expected "),
                )
    return formats


class CatalogDocs:
    def __init__(self) -> None:
        self.schema = widget_schema()
        self.defs: dict[str, Any] = self.schema["$defs"]
        self.formats = _value_formats()

    def type_of(self, prop: dict[str, Any]) -> str:
        if "$ref" in prop:
            name = prop["$ref"].rsplit("/", 1)[-1]
            if name in UNION_WORDS:
                return UNION_WORDS[name]
            title = self.defs[name].get("title", name)
            return f"[{title}](#{anchor(title)})"
        if "const" in prop:
            return f"`{_json(prop['const'])}`"
        if "enum" in prop:
            return " \\| ".join(f"`{_json(value)}`" for value in prop["enum"])
        if {"enum": list(values.ICON_NAMES)} in prop.get("anyOf", []):
            return "[IconName](#value-formats)"
        for key in ("oneOf", "anyOf"):
            if key in prop:
                return " \\| ".join(self.type_of(member) for member in prop[key])
        kind = prop.get("type")
        if kind == "string" and "pattern" in prop:
            name, _ = self.formats.get(prop["pattern"], ("string", ""))
            return f"[{name}](#value-formats)"
        if kind == "integer":
            return f"integer ≥ {prop['minimum']}" if "minimum" in prop else "integer"
        if kind == "array":
            return f"array of {self.type_of(prop.get('items', {}))}"
        if kind == "object":
            extra = prop.get("additionalProperties")
            if isinstance(extra, dict):
                return f"object of {self.type_of(extra)}"
            return "object"
        if kind == "string" and "maxLength" in prop:
            return f"string (≤ {prop['maxLength']:,} characters)"
        return str(kind or "any")

    def table(self, definition: dict[str, Any]) -> str:
        props: dict[str, Any] = definition.get("properties", {})
        required = set(definition.get("required", []))
        order = sorted(props, key=lambda name: (name != "type", name in ("key", "id")))
        rows = ["| Prop | Type | Default | Description |", "|---|---|---|---|"]
        for name in order:
            prop = props[name]
            default = "required" if name in required else "—"
            if "default" in prop:
                default = f"`{_json(prop['default'])}`"
            description = " ".join(prop.get("description", "").split())
            if name == "type" and "const" in prop:
                description = "The component type."
            rows.append(f"| `{name}` | {self.type_of(prop)} | {default} | {description} |")
        return "\n".join(rows)

    def section(self, title: str, definition: dict[str, Any]) -> str:
        description = " ".join(definition.get("description", "").split())
        return f"### {title}\n\n{description}\n\n{self.table(definition)}\n"

    def render(self) -> str:
        parts = [INTRO.format(**_numbers())]
        for category, names in CATEGORIES.items():
            parts.append(f"## {category}\n")
            if category == "Roots":
                parts.append(
                    '<a id="components"></a>A **component** is any component below except '
                    "the roots, `ListViewItem`, `Table.Row` and `Table.Cell`: those are what "
                    "`children` hold unless a component says otherwise.\n"
                )
            for name in names:
                model = COMPONENTS[name]
                parts.append(self.section(name, self.defs[model.__name__]))
        parts.append("## Shared types\n")
        for name in SHARED_OBJECTS:
            parts.append(self.section(self.defs[name].get("title", name), self.defs[name]))
        parts.append(self.shared_unions())
        parts.append(self.value_formats())
        parts.append(GUIDE.format(**_numbers()))
        return "\n".join(parts)

    def shared_unions(self) -> str:
        lines = ["### Union types\n", "| Type | One of |", "|---|---|"]
        for name in (
            "Color",
            "Background",
            "Length",
            "SpacingValue",
            "BorderValue",
            "BorderSide",
            "Flex",
            "AspectRatio",
            "WidgetStatus",
            "Editable",
            "ListLimit",
            "XAxisValue",
            "ChartValue",
        ):
            lines.append(
                f'| <a id="{anchor(name)}"></a>`{name}` | {self.type_of(self.defs[name])} |'
            )
        return "\n".join(lines) + "\n"

    def value_formats(self) -> str:
        lines = [
            "### Value formats\n",
            "Strings in these formats are checked in full (the JSON Schema publishes the same "
            "regular expressions). No CSS value may contain `expression`, `url(`, `;`, `{`, "
            "`}` or `<`.\n",
            "| Format | Accepts |",
            "|---|---|",
        ]
        for name, expected in sorted(self.formats.values()):
            lines.append(f"| `{name}` | {expected} |")
        icons = " ".join(f"`{icon}`" for icon in values.ICON_NAMES)
        lines += [
            "",
            f"**Icon names** (`IconName`): {icons}; or `lucide:<name>` (any "
            "[Lucide](https://lucide.dev/icons) icon, such as `lucide:arrow-right`) or "
            "`vendor:<name>`.\n",
        ]
        return "\n".join(lines)


def _json(value: Any) -> str:
    return json.dumps(value)


def _numbers() -> dict[str, Any]:
    return {
        "max_bytes": f"{LIMITS.max_bytes:,}",
        "max_kib": LIMITS.max_bytes // 1024,
        "max_depth": LIMITS.max_depth,
        "max_nodes": f"{LIMITS.max_nodes:,}",
        "max_source": f"{MAX_SOURCE_CHARS:,}",
        "max_steps": f"{MAX_STEPS:,}",
        "max_seconds": f"{MAX_SECONDS:g}",
    }


def catalog_markdown() -> str:
    return CatalogDocs().render()


INTRO = """\
# Widgets

<!-- Generated from widgets/catalog.py by `manage.py widgets docs > docs/widgets.md`; do not edit. -->

A widget is a JSON tree of components, `{{"type": "<Component>", ...props, "children": [...]}}`,
that an agent sends as a `widget` thread item. The catalog is ChatKit's, complete: the
Python SDK's `Chart` and the JavaScript client's `Table` are both here.

- **Roots.** A widget's top level is a [`Card`](#card), a [`ListView`](#listview) or a
  [`Basic`](#basic). `ListViewItem` appears only directly inside `ListView`, `Table.Row`
  only inside `Table`, `Table.Cell` only inside `Table.Row`; `Basic` may also hold roots.
- **Strict.** Unknown components, unknown props, wrong enum values and wrong JSON types are
  errors, each reported with a JSON pointer and what was expected, for example
  `/children/2/onClickAction/type: expected a string; got 5`. An optional prop may be
  left out but not set to `null`.
- **Limits.** At most {max_bytes} bytes of compact JSON ({max_kib} KiB), {max_depth} levels of
  nesting (objects and arrays; a `children` array adds no level) and {max_nodes} components.
- **Safe.** Text is text, never HTML. `Markdown` renders to a sanitised subset. Image and
  favicon URLs must be absolute `https:`/`http:` URLs or `data:image/` URLs. Colors and
  lengths are checked against conservative CSS formats.
- **One source.** The models in `widgets/catalog.py` validate widgets on the server; the
  JSON Schema at [`/widgets/schema.json`](/widgets/schema.json) (draft 2020-12) is generated
  from them, and the browser renderer validates with it. This page is generated from them too.

Every component also accepts `key` (identity among siblings) and `id` (the target of
streamed text and component updates).
"""

GUIDE = """\
## Limits

| Limit | Value | Counted as |
|---|---|---|
| Size | {max_bytes} bytes | UTF-8 length of the compact JSON text |
| Depth | {max_depth} | nested objects and arrays on the deepest path; a `children` array adds no level |
| Components | {max_nodes} | the root plus every value of a `children` array or object |

## `.widget` templates

A `.widget` file is ChatKit's template format, a JSON object:

| Key | |
|---|---|
| `version` | `"1.0"` |
| `name` | display name |
| `template` | a Jinja template that renders widget JSON (write every value as `{{{{ value \\| tojson }}}}`) |
| `jsonSchema` | JSON Schema (2020-12) of the template's data |
| `outputJsonPreview` | the widget rendered from sample data |
| `encodedWidget` | optional: ChatKit Studio's project, kept as is |
| `description` | optional, this project's: what the template is for |
| `sampleData` | optional, this project's: named sample data, `[{{"name": ..., "data": {{...}}}}]` |

Import and export are lossless: unknown keys are kept (written after the known ones), and a
file laid out as ChatKit Studio writes it (its key order, two-space indentation) exports
byte for byte as it was imported.

Rendering checks in this order, and stops at the first step that fails:

1. the data against `jsonSchema` (errors point into the data, such as `/items/0/price`);
2. the template, in a Jinja sandbox with `StrictUndefined` (a misspelled variable is an
   error): no access to Python internals, no mutation of the data, no recursive loops, at
   most {max_steps} steps (loop iterations, calls, filters), {max_seconds} seconds, {max_source}-character
   sources and no value or output over {max_bytes} characters;
3. the output as JSON, then as a widget (errors point into the widget).

## The `widgets` command

```sh
python manage.py widgets schema                # the JSON Schema
python manage.py widgets schema --js           # static/widgets/schema.js, for the renderer
python manage.py widgets docs                  # this page
python manage.py widgets validate FILE...      # widget JSON files and .widget files
python manage.py widgets render FILE.widget [--data DATA.json]
```

`validate` prints one line per problem, `FILE:JSON_POINTER: message`, and exits with 1 when
anything is invalid (2 when a file cannot be read). For a `.widget` file it checks the file's
structure, the `outputJsonPreview`, and rendering each sample case. `render` validates the
data (default: the first sample case), renders, validates the widget and prints it.

## Sending widgets from an agent

An agent yields ChatKit stream events (see `chatkit/agents/base.py`). `ctx.widget()` makes a
finished widget item. The response runner refuses any invalid widget an agent emits (the
visitor sees an error instead), so check what you build, or render a stored template:

```python
from chatkit.agents.base import Agent, AgentError
from widgets.models import WidgetTemplate
from widgets.templates import RenderError
from widgets.validation import validate_widget


class ShopAgent(Agent):
    async def respond(self, ctx, message):
        widget = {{
            "type": "Card",
            "children": [
                {{"type": "Title", "value": "Order #A-10482"}},
                {{"type": "Badge", "label": "Shipped", "color": "success"}},
                {{
                    "type": "Button",
                    "label": "Track package",
                    "onClickAction": {{"type": "order.track", "payload": {{"order": "A-10482"}}}},
                }},
            ],
        }}
        if errors := validate_widget(widget):  # [WidgetError(pointer, message), ...]
            raise AgentError(f"Cannot show the order: {{errors[0]}}")
        yield ctx.widget(widget, copy_text="Order #A-10482: shipped")

    async def action(self, ctx, action, sender):
        # A stored template; with its current version loaded, rendering runs no queries.
        template = await WidgetTemplate.objects.select_related("current_version").aget(
            name="order_status"
        )
        order = {{"order_number": "#A-10482", "status": "Shipped"}}  # ...and the other fields
        try:
            widget = template.render(order)
        except RenderError as error:
            # error.stage is "data", "template" or "widget"; error.errors point at the problem.
            raise AgentError("That order cannot be shown right now.") from error
        yield ctx.widget(widget)
```

To update a widget after an action, yield
`p.ThreadItemUpdated(item_id=sender["id"], update=p.WidgetRootUpdated(widget=new_widget))`.
To stream text into a widget, give a `Text` or `Markdown` an `id`, yield
`p.ThreadItemAdded` with the widget item, then
`p.ThreadItemUpdated(item_id, update=p.WidgetStreamingTextDelta(component_id=..., delta=..., done=...))`
events, then `p.ThreadItemDone` with the final widget. Actions sent with `streaming: false`
go to `Agent.sync_action`, which returns the updated widget item.
"""
