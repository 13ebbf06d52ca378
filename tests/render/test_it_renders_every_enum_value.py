"""Every value of the main enum props renders without an error (one document per prop)."""

from __future__ import annotations

import pytest

from .samples import card, text

SIZES = ["3xs", "2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl"]
ICONS = [
    "agent",
    "analytics",
    "atom",
    "batch",
    "bolt",
    "book-open",
    "book-closed",
    "book-clock",
    "bug",
    "calendar",
    "chart",
    "check",
    "check-circle",
    "check-circle-filled",
    "chevron-left",
    "chevron-right",
    "circle-question",
    "clock",
    "compass",
    "confetti",
    "cube",
    "desktop",
    "document",
    "dot",
    "dots-horizontal",
    "dots-vertical",
    "empty-circle",
    "external-link",
    "globe",
    "keys",
    "lab",
    "images",
    "info",
    "lifesaver",
    "lightbulb",
    "mail",
    "map-pin",
    "maps",
    "mobile",
    "name",
    "notebook",
    "notebook-pencil",
    "page-blank",
    "phone",
    "play",
    "plus",
    "profile",
    "profile-card",
    "reload",
    "star",
    "star-filled",
    "search",
    "sparkle",
    "sparkle-double",
    "square-code",
    "square-image",
    "square-text",
    "suitcase",
    "settings-slider",
    "user",
    "wreath",
    "write",
    "write-alt",
    "write-alt2",
]
CURVES = [
    "basis",
    "basisClosed",
    "basisOpen",
    "bumpX",
    "bumpY",
    "bump",
    "linear",
    "linearClosed",
    "natural",
    "monotoneX",
    "monotoneY",
    "monotone",
    "step",
    "stepBefore",
    "stepAfter",
]
PIXEL = "data:image/gif;base64,R0lGODlhAQABAAAAACw="


def chart(**series) -> dict:
    return {
        "type": "Chart",
        "xAxis": "x",
        "data": [{"x": "a", "y": 1}, {"x": "b", "y": 3}, {"x": "c", "y": 2}],
        "series": [{"dataKey": "y", "label": "Y", **series}],
    }


# (component, prop) → (values, build(value) → component)
CASES = {
    ("Button", "variant"): (
        ["solid", "soft", "outline", "ghost"],
        lambda v: {"type": "Button", "label": v, "variant": v},
    ),
    ("Button", "color"): (
        ["primary", "secondary", "info", "discovery", "success", "caution", "warning", "danger"],
        lambda v: {"type": "Button", "label": v, "color": v},
    ),
    ("Button", "size"): (SIZES, lambda v: {"type": "Button", "label": v, "size": v}),
    ("Button", "style"): (
        ["primary", "secondary"],
        lambda v: {"type": "Button", "label": v, "style": v},
    ),
    ("Button", "iconSize"): (
        ["sm", "md", "lg", "xl", "2xl"],
        lambda v: {"type": "Button", "iconStart": "star", "iconSize": v},
    ),
    ("Badge", "color"): (
        ["secondary", "success", "danger", "warning", "info", "discovery"],
        lambda v: {"type": "Badge", "label": v, "color": v},
    ),
    ("Badge", "variant"): (
        ["solid", "soft", "outline"],
        lambda v: {"type": "Badge", "label": v, "variant": v},
    ),
    ("Badge", "size"): (["sm", "md", "lg"], lambda v: {"type": "Badge", "label": v, "size": v}),
    ("Text", "size"): (["xs", "sm", "md", "lg", "xl"], lambda v: text(v, size=v)),
    ("Text", "weight"): (["normal", "medium", "semibold", "bold"], lambda v: text(v, weight=v)),
    ("Text", "textAlign"): (["start", "center", "end"], lambda v: text(v, textAlign=v)),
    ("Text", "color"): (
        [
            "prose",
            "primary",
            "emphasis",
            "secondary",
            "tertiary",
            "success",
            "warning",
            "danger",
            "red-100",
            "#0a84ff",
        ],
        lambda v: text(v, color=v),
    ),
    ("Title", "size"): (
        ["sm", "md", "lg", "xl", "2xl", "3xl", "4xl", "5xl"],
        lambda v: {"type": "Title", "value": v, "size": v},
    ),
    ("Caption", "size"): (["sm", "md", "lg"], lambda v: {"type": "Caption", "value": v, "size": v}),
    ("Icon", "size"): (
        ["xs", "sm", "md", "lg", "xl", "2xl", "3xl"],
        lambda v: {"type": "Icon", "name": "star", "size": v},
    ),
    ("Icon", "name"): ([*ICONS, "lucide:rocket"], lambda v: {"type": "Icon", "name": v}),
    ("Image", "fit"): (
        ["cover", "contain", "fill", "scale-down", "none"],
        lambda v: {"type": "Image", "src": PIXEL, "fit": v, "size": 16},
    ),
    ("Image", "position"): (
        [
            "top left",
            "top",
            "top right",
            "left",
            "center",
            "right",
            "bottom left",
            "bottom",
            "bottom right",
        ],
        lambda v: {"type": "Image", "src": PIXEL, "position": v, "size": 16},
    ),
    ("Box", "radius"): (
        ["2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl", "4xl", "full", "100%", "none"],
        lambda v: {"type": "Box", "radius": v, "size": 16, "background": "surface-tertiary"},
    ),
    ("Box", "align"): (
        ["start", "center", "end", "baseline", "stretch"],
        lambda v: {"type": "Box", "align": v, "children": [text(v)]},
    ),
    ("Box", "justify"): (
        ["start", "center", "end", "between", "around", "evenly", "stretch"],
        lambda v: {"type": "Row", "justify": v, "children": [text(v), text("x")]},
    ),
    ("Box", "wrap"): (
        ["nowrap", "wrap", "wrap-reverse"],
        lambda v: {"type": "Row", "wrap": v, "children": [text(v)]},
    ),
    ("Box", "background"): (
        [
            "surface",
            "surface-secondary",
            "surface-tertiary",
            "surface-elevated",
            "surface-elevated-secondary",
            "blue-500",
            "linear-gradient(135deg, #fff6d9 0%, #ceb0fb 100%)",
        ],
        lambda v: {"type": "Box", "background": v, "size": 16},
    ),
    ("Box", "border"): (
        ["solid", "dashed", "dotted", "double", "groove", "ridge", "inset", "outset"],
        lambda v: {"type": "Box", "border": {"size": 2, "style": v, "color": "strong"}, "size": 16},
    ),
    ("Divider", "color"): (
        ["default", "subtle", "strong"],
        lambda v: {"type": "Divider", "color": v},
    ),
    ("Input", "inputType"): (
        ["number", "email", "text", "password", "tel", "url"],
        lambda v: {"type": "Input", "name": v, "inputType": v},
    ),
    ("Input", "variant"): (
        ["soft", "outline"],
        lambda v: {"type": "Input", "name": v, "variant": v},
    ),
    ("Input", "size"): (SIZES, lambda v: {"type": "Input", "name": f"n{v}", "size": v}),
    ("Input", "gutterSize"): (
        ["2xs", "xs", "sm", "md", "lg", "xl"],
        lambda v: {"type": "Input", "name": f"n{v}", "gutterSize": v},
    ),
    ("Textarea", "variant"): (
        ["soft", "outline"],
        lambda v: {"type": "Textarea", "name": v, "variant": v},
    ),
    ("Select", "variant"): (
        ["solid", "soft", "outline", "ghost"],
        lambda v: {
            "type": "Select",
            "name": v,
            "variant": v,
            "options": [{"value": "a", "label": "A"}],
        },
    ),
    ("DatePicker", "variant"): (
        ["solid", "soft", "outline", "ghost"],
        lambda v: {"type": "DatePicker", "name": v, "variant": v},
    ),
    ("DatePicker", "side"): (
        ["top", "bottom", "left", "right"],
        lambda v: {"type": "DatePicker", "name": v, "side": v},
    ),
    ("RadioGroup", "direction"): (
        ["row", "col"],
        lambda v: {
            "type": "RadioGroup",
            "name": v,
            "direction": v,
            "options": [{"label": "A", "value": "a"}],
        },
    ),
    ("Table.Cell", "align"): (
        ["start", "center", "end"],
        lambda v: {
            "type": "Table",
            "children": [
                {
                    "type": "Table.Row",
                    "children": [
                        {"type": "Table.Cell", "align": v, "vAlign": v, "children": [text(v)]}
                    ],
                }
            ],
        },
    ),
    ("Table.Cell", "colSize"): (
        ["xs", "sm", "md", "lg", "xl"],
        lambda v: {
            "type": "Table",
            "children": [
                {
                    "type": "Table.Row",
                    "children": [{"type": "Table.Cell", "colSize": v, "children": [text(v)]}],
                }
            ],
        },
    ),
    ("Chart", "type"): (["bar", "area", "line"], lambda v: chart(type=v)),
    ("Chart", "curveType"): (CURVES, lambda v: chart(type="line", curveType=v)),
    ("Chart", "color"): (
        ["blue", "purple", "orange", "green", "red", "yellow", "pink", "gray-500", "#ff0066"],
        lambda v: chart(type="bar", color=v),
    ),
    ("ActionConfig", "loadingBehavior"): (
        ["auto", "none", "self", "container"],
        lambda v: {
            "type": "Button",
            "label": v,
            "onClickAction": {
                "type": "go",
                "loadingBehavior": v,
                "handler": "client",
                "streaming": False,
            },
        },
    ),
}

COMPONENT_OF = {"ActionConfig": "Button", "Table.Cell": "Table.Cell", "Chart": "Chart"}


@pytest.mark.browser
@pytest.mark.parametrize(("component", "prop"), CASES, ids=[f"{c}.{p}" for c, p in CASES])
def test_it_renders_every_enum_value(widgets, component, prop):
    values, build = CASES[component, prop]
    root = widgets.render(card(*[build(value) for value in values]))

    assert root.get_attribute("data-state") == "ready", root.inner_text()
    marker = COMPONENT_OF.get(component, component)
    if component == "Box" and prop in ("justify", "wrap"):
        marker = "Row"
    assert root.locator(f'[data-component="{marker}"]').count() == len(values)


@pytest.mark.browser
@pytest.mark.parametrize("size", ["sm", "md", "lg", "full"])
def test_it_renders_every_card_size(widgets, size):
    root = widgets.render(
        card(
            text(size),
            size=size,
            padding={"x": 4, "y": 3},
            background={"light": "#fff", "dark": "#111"},
        )
    )
    assert root.locator(f'[data-component="Card"][data-size="{size}"]').count() == 1


@pytest.mark.browser
@pytest.mark.parametrize("limit", [1, "auto"])
def test_it_renders_list_view_limits(widgets, limit):
    items = [{"type": "ListViewItem", "children": [text(f"Item {i}")]} for i in range(10)]
    root = widgets.render({"type": "ListView", "limit": limit, "children": items})
    assert root.locator('[data-component="ListViewItem"]:visible').count() == (
        1 if limit == 1 else 5
    )
