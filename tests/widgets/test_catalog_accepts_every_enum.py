"""Every component, prop and enum value of ChatKit's catalog is accepted (SPEC §8)."""

import pytest

from tests.widgets.documents import (
    MINIMAL_COMPONENTS,
    MINIMAL_OBJECTS,
    SCHEMA,
    minimal,
    model_accepts,
    schema_accepts,
    with_component,
)
from widgets.catalog import COMPONENTS
from widgets.validation import validate_widget
from widgets.values import ICON_NAMES

CHATKIT_COMPONENTS = {
    "Card", "ListView", "Basic", "ListViewItem", "Box", "Row", "Col", "Form", "Spacer",
    "Divider", "Transition", "Text", "Title", "Caption", "Markdown", "Label", "Badge", "Icon",
    "Image", "Button", "Input", "Textarea", "Select", "DatePicker", "Checkbox", "RadioGroup",
    "Chart", "Table", "Table.Row", "Table.Cell",
}  # fmt: skip


def enum_props() -> list[tuple[str, str, object]]:
    """(definition, prop, value) for every enum value of every prop in the schema."""
    found = []
    for definition, body in SCHEMA["$defs"].items():
        if definition not in MINIMAL_OBJECTS and definition not in {
            model.__name__ for model in COMPONENTS.values()
        }:
            continue
        for prop, schema in body.get("properties", {}).items():
            if prop == "type":
                continue
            for value in schema.get("enum", []):
                found.append((definition, prop, value))
    return found


def test_it_has_every_chatkit_component():
    assert set(COMPONENTS) == CHATKIT_COMPONENTS
    assert set(MINIMAL_COMPONENTS) == CHATKIT_COMPONENTS


@pytest.mark.parametrize("kind", sorted(CHATKIT_COMPONENTS))
def test_it_accepts_each_component_where_it_belongs(kind):
    document = with_component(dict(MINIMAL_COMPONENTS[kind], key="k1", id="c1"))
    assert validate_widget(document) == []
    assert schema_accepts(document)


@pytest.mark.parametrize(("definition", "prop", "value"), enum_props())
def test_it_accepts_every_enum_value(definition, prop, value):
    instance, embed = minimal(definition)
    instance[prop] = value
    document = embed(instance)
    assert validate_widget(document) == []
    assert schema_accepts(document)


def test_it_knows_the_enums_chatkit_lists():
    props = SCHEMA["$defs"]
    assert props["Card"]["properties"]["size"]["enum"] == ["sm", "md", "lg", "full"]
    assert props["Box"]["properties"]["radius"]["enum"] == [
        "2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl", "4xl", "full", "100%", "none",
    ]  # fmt: skip
    assert props["Button"]["properties"]["color"]["enum"] == [
        "primary", "secondary", "info", "discovery", "success", "caution", "warning", "danger",
    ]  # fmt: skip
    assert props["ActionConfig"]["properties"]["loadingBehavior"]["enum"] == [
        "auto", "none", "self", "container",
    ]  # fmt: skip
    assert len(props["LineSeries"]["properties"]["curveType"]["enum"]) == 15
    assert props["Border"]["properties"]["style"]["enum"][-1] == "outset"
    assert props["TableCell"]["properties"]["colSize"]["enum"] == ["xs", "sm", "md", "lg", "xl"]


@pytest.mark.parametrize(
    "name", [*ICON_NAMES, "lucide:arrow-right", "lucide:circle", "vendor:acme-logo", "vendor:a.b_c"]
)
def test_it_accepts_every_icon_name(name):
    document = {
        "type": "Card",
        "status": {"text": "Acme", "icon": name},
        "children": [
            {"type": "Icon", "name": name},
            {"type": "Button", "iconStart": name, "iconEnd": name},
        ],
    }
    assert validate_widget(document) == []
    assert schema_accepts(document)


@pytest.mark.parametrize(
    "color",
    [
        "primary", "secondary", "tertiary", "prose", "emphasis", "success", "warning", "danger",
        "blue-500", "red-100", "gray-900", "alpha-10", "teal", "transparent", "currentColor",
        "#fff", "#ffff", "#0a84ff", "#0a84ff80", "rgb(10 132 255)", "rgba(10, 132, 255, 0.5)",
        "hsl(210deg 100% 52%)", "oklch(0.7 0.1 250)", "color(display-p3 1 0 0)",
    ],
)  # fmt: skip
def test_it_accepts_css_colors_and_tokens(color):
    document = card_with_colors(color)
    assert validate_widget(document) == []
    assert schema_accepts(document)


def card_with_colors(color):
    return {
        "type": "Card",
        "background": color,
        "children": [
            {"type": "Text", "value": "x", "color": color},
            {"type": "Divider", "color": {"light": color, "dark": color}},
            {"type": "Box", "border": {"size": 1, "color": color, "style": "dashed"}},
        ],
    }


@pytest.mark.parametrize(
    "background",
    [
        "surface", "surface-secondary", "surface-elevated-secondary",
        "linear-gradient(135deg, #fff6d9 0%, #ceb0fb 100%)",
        "radial-gradient(circle at top, rgb(255 255 255 / 80%), transparent)",
        "repeating-linear-gradient(45deg, #eee 0 10px, #fff 10px 20px)",
    ],
)  # fmt: skip
def test_it_accepts_backgrounds_with_gradients(background):
    document = {"type": "Card", "background": {"light": background, "dark": "#000"}, "children": []}
    assert validate_widget(document) == []
    assert schema_accepts(document)


@pytest.mark.parametrize(
    "length",
    [0, 12, 2.5, -4, "12px", "50%", "2rem", "100vh", "auto", "fit-content", "calc(100% - 8px)"],
)
def test_it_accepts_numbers_and_css_lengths(length):
    block = {"type": "Box", "width": length, "minHeight": length, "gap": length, "margin": length}
    document = card(block, {"type": "Image", "src": "https://a.example/i.png", "size": length})
    assert validate_widget(document) == []
    assert schema_accepts(document)


def card(*children):
    return {"type": "Card", "children": list(children)}


def test_it_accepts_every_shared_prop_shape():
    document = {
        "type": "Card",
        "padding": {"x": 4, "y": "8px"},
        "border": {"top": {"size": 1, "color": "subtle"}, "bottom": 2},
        "status": {"text": "Acme", "favicon": "https://acme.example/favicon.ico", "frame": True},
        "confirm": {"label": "OK", "action": {"type": "ok", "handler": "client"}},
        "cancel": {"label": "No", "action": {"type": "no", "streaming": False}},
        "children": [
            {"type": "Box", "padding": "8px 16px", "aspectRatio": "16/9", "flex": "1 1 auto"},
            {"type": "Text", "value": "Title", "editable": False},
            {"type": "Text", "value": "Name", "editable": {"name": "profile.name", "required": True}},
            {"type": "DatePicker", "name": "d", "min": "2025-03-01", "max": "2025-03-31T18:00:00Z"},
            {"type": "Image", "src": "data:image/png;base64,iVBORw0KGgo=", "alt": "dot"},
            {"type": "Chart", "data": [{"m": "Jan", "v": 1}], "series": [], "xAxis": {"dataKey": "m", "labels": {"Jan": "January"}}},
        ],
    }  # fmt: skip
    assert validate_widget(document) == []
    assert model_accepts(document) and schema_accepts(document)


def test_it_accepts_roots_inside_basic():
    document = {
        "type": "Basic",
        "children": [{"type": "Card", "children": []}, {"type": "ListView", "children": []}],
    }
    assert validate_widget(document) == []
    assert schema_accepts(document)
