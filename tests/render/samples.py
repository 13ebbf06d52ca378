"""Valid sample widgets: one per component family, and a gallery for screenshots."""

from __future__ import annotations


def card(*children, **props) -> dict:
    return {"type": "Card", "children": list(children), **props}


def text(value: str, **props) -> dict:
    return {"type": "Text", "value": value, **props}


def action(type_: str, **extra) -> dict:
    return {"type": type_, **extra}


FLIGHT = card(
    {
        "type": "Row",
        "children": [
            {"type": "Icon", "name": "lucide:plane", "size": "lg", "color": "secondary"},
            {"type": "Title", "value": "SFO → JFK", "size": "md"},
            {"type": "Spacer"},
            {"type": "Badge", "label": "On time", "color": "success"},
        ],
        "gap": 2,
    },
    {"type": "Divider", "flush": True},
    {
        "type": "Row",
        "justify": "between",
        "children": [
            {
                "type": "Col",
                "children": [
                    {"type": "Caption", "value": "Departs"},
                    text("8:05 AM", size="lg", weight="semibold"),
                ],
            },
            {
                "type": "Col",
                "align": "end",
                "children": [
                    {"type": "Caption", "value": "Arrives"},
                    text("4:40 PM", size="lg", weight="semibold"),
                ],
            },
        ],
    },
    {
        "type": "Row",
        "gap": 2,
        "children": [
            {
                "type": "Button",
                "label": "Check in",
                "iconStart": "check-circle",
                "onClickAction": action("flight.check_in", payload={"flight": "UA 512"}),
            },
            {"type": "Button", "label": "Details", "variant": "outline", "color": "secondary"},
        ],
    },
    status={"text": "Found 1 flight", "icon": "search"},
    size="sm",
)

FORM = card(
    {"type": "Title", "value": "New task", "size": "sm"},
    {
        "type": "Col",
        "gap": 1,
        "children": [
            {"type": "Label", "value": "Title", "fieldName": "todo.title"},
            {
                "type": "Input",
                "name": "todo.title",
                "placeholder": "What needs doing?",
                "required": True,
            },
        ],
    },
    {
        "type": "Row",
        "gap": 3,
        "children": [
            {
                "type": "Col",
                "flex": 1,
                "gap": 1,
                "children": [
                    {"type": "Label", "value": "Priority", "fieldName": "todo.priority"},
                    {
                        "type": "Select",
                        "name": "todo.priority",
                        "block": True,
                        "defaultValue": "normal",
                        "options": [
                            {"value": "low", "label": "Low"},
                            {"value": "normal", "label": "Normal"},
                            {"value": "high", "label": "High"},
                        ],
                    },
                ],
            },
            {
                "type": "Col",
                "flex": 1,
                "gap": 1,
                "children": [
                    {"type": "Label", "value": "Due", "fieldName": "todo.due"},
                    {
                        "type": "DatePicker",
                        "name": "todo.due",
                        "block": True,
                        "placeholder": "Pick a day",
                    },
                ],
            },
        ],
    },
    {
        "type": "Textarea",
        "name": "todo.notes",
        "placeholder": "Notes",
        "rows": 2,
        "autoResize": True,
        "maxRows": 5,
    },
    {"type": "Checkbox", "name": "todo.notify", "label": "Remind me", "defaultChecked": True},
    {
        "type": "RadioGroup",
        "name": "todo.list",
        "direction": "row",
        "defaultValue": "work",
        "options": [{"label": "Work", "value": "work"}, {"label": "Home", "value": "home"}],
    },
    asForm=True,
    confirm={"label": "Add task", "action": action("todo.add", payload={"source": "widget"})},
    cancel={"label": "Cancel", "action": action("todo.cancel")},
)

LIST = {
    "type": "ListView",
    "status": {"text": "Recent orders", "icon": "suitcase"},
    "limit": 3,
    "children": [
        {
            "type": "ListViewItem",
            "gap": 3,
            "onClickAction": action("order.open", payload={"id": f"o{i}"}),
            "children": [
                {
                    "type": "Box",
                    "background": color,
                    "radius": "full",
                    "size": 32,
                    "align": "center",
                    "justify": "center",
                    "children": [{"type": "Icon", "name": "cube", "color": "white", "size": "sm"}],
                },
                {
                    "type": "Col",
                    "flex": 1,
                    "children": [
                        text(name, size="sm", weight="medium"),
                        {"type": "Caption", "value": detail, "size": "sm"},
                    ],
                },
                {"type": "Badge", "label": badge, "color": tone, "pill": True},
            ],
        }
        for i, (name, detail, badge, tone, color) in enumerate(
            [
                ("Desk lamp", "Arrives Tuesday", "Shipped", "info", "blue-500"),
                ("Coffee grinder", "Delivered May 2", "Delivered", "success", "green-500"),
                ("Wool blanket", "Awaiting stock", "Delayed", "warning", "orange-500"),
                ("Bookshelf", "Processing", "New", "secondary", "purple-500"),
                ("Plant pot", "Refunded", "Refunded", "danger", "red-500"),
            ]
        )
    ],
}

CHART = card(
    {"type": "Title", "value": "Weekly revenue", "size": "sm"},
    {"type": "Caption", "value": "Online vs. in store, thousands of dollars"},
    {
        "type": "Chart",
        "height": 180,
        "showYAxis": True,
        "xAxis": {"dataKey": "day", "labels": {"Mon": "Mon", "Tue": "Tue"}},
        "data": [
            {"day": "Mon", "online": 12, "store": 8, "target": 18},
            {"day": "Tue", "online": 15, "store": 9, "target": 20},
            {"day": "Wed", "online": 9, "store": 11, "target": 19},
            {"day": "Thu", "online": 18, "store": 7, "target": 22},
            {"day": "Fri", "online": 21, "store": 12, "target": 26},
            {"day": "Sat", "online": 25, "store": 16, "target": 30},
            {"day": "Sun", "online": 14, "store": 13, "target": 24},
        ],
        "series": [
            {
                "type": "bar",
                "label": "Online",
                "dataKey": "online",
                "stack": "sales",
                "color": "blue",
            },
            {
                "type": "bar",
                "label": "In store",
                "dataKey": "store",
                "stack": "sales",
                "color": "purple",
            },
            {
                "type": "line",
                "label": "Target",
                "dataKey": "target",
                "color": "orange",
                "curveType": "monotone",
            },
        ],
    },
    size="md",
)

AREA_CHART = card(
    {"type": "Title", "value": "Active users", "size": "sm"},
    {
        "type": "Chart",
        "height": 160,
        "xAxis": "month",
        "data": [
            {"month": m, "web": w, "app": a}
            for m, w, a in [
                ("Jan", 30, 20),
                ("Feb", 42, 24),
                ("Mar", 38, 30),
                ("Apr", 55, 34),
                ("May", 61, 45),
                ("Jun", 58, 52),
            ]
        ],
        "series": [
            {"type": "area", "label": "Web", "dataKey": "web", "stack": "users", "color": "green"},
            {
                "type": "area",
                "label": "App",
                "dataKey": "app",
                "stack": "users",
                "color": "pink",
                "curveType": "natural",
            },
        ],
    },
)

TABLE = card(
    {"type": "Title", "value": "Quarterly results", "size": "sm"},
    {
        "type": "Table",
        "children": [
            {
                "type": "Table.Row",
                "header": True,
                "children": [
                    {"type": "Table.Cell", "children": [text("Region", size="sm")]},
                    {"type": "Table.Cell", "align": "end", "children": [text("Q1", size="sm")]},
                    {"type": "Table.Cell", "align": "end", "children": [text("Q2", size="sm")]},
                ],
            },
            {
                "type": "Table.Row",
                "children": [
                    {
                        "type": "Table.Cell",
                        "rowSpan": 2,
                        "vAlign": "start",
                        "children": [text("Americas", size="sm", weight="medium")],
                    },
                    {"type": "Table.Cell", "align": "end", "children": [text("$1.2M", size="sm")]},
                    {"type": "Table.Cell", "align": "end", "children": [text("$1.4M", size="sm")]},
                ],
            },
            {
                "type": "Table.Row",
                "children": [
                    {
                        "type": "Table.Cell",
                        "colSpan": 2,
                        "align": "center",
                        "children": [{"type": "Caption", "value": "Restated after audit"}],
                    },
                ],
            },
            {
                "type": "Table.Row",
                "children": [
                    {
                        "type": "Table.Cell",
                        "children": [text("Europe", size="sm", weight="medium")],
                    },
                    {"type": "Table.Cell", "align": "end", "children": [text("$0.9M", size="sm")]},
                    {
                        "type": "Table.Cell",
                        "align": "end",
                        "colSize": "sm",
                        "children": [text("$1.1M", size="sm")],
                    },
                ],
            },
        ],
    },
)

CONTENT = card(
    {
        "type": "Image",
        "src": "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCA0MDAgMTYwIj48ZGVmcz48bGluZWFyR3JhZGllbnQgaWQ9ImciIHgxPSIwIiB4Mj0iMSI+PHN0b3Agb2Zmc2V0PSIwIiBzdG9wLWNvbG9yPSIjOGI1Y2Y2Ii8+PHN0b3Agb2Zmc2V0PSIxIiBzdG9wLWNvbG9yPSIjMmY3Y2Y2Ii8+PC9saW5lYXJHcmFkaWVudD48L2RlZnM+PHJlY3Qgd2lkdGg9IjQwMCIgaGVpZ2h0PSIxNjAiIGZpbGw9InVybCgjZykiLz48L3N2Zz4=",
        "alt": "A purple to blue gradient",
        "flush": True,
        "height": 120,
        "fit": "cover",
    },
    {
        "type": "Row",
        "gap": 2,
        "children": [
            {"type": "Badge", "label": "Guide", "color": "discovery", "variant": "soft"},
            {"type": "Badge", "label": "5 min read", "variant": "outline"},
        ],
    },
    {"type": "Title", "value": "Getting started with widgets", "size": "lg"},
    {
        "type": "Markdown",
        "value": "Widgets are **declarative** cards.\n\n- Render *safely*\n- Submit `forms`\n\n[Read the docs](https://example.com/docs)",
    },
    {
        "type": "Text",
        "value": "Answer streaming in",
        "streaming": True,
        "color": "secondary",
        "size": "sm",
    },
    {
        "type": "Row",
        "gap": 2,
        "wrap": "wrap",
        "children": [
            {"type": "Button", "label": "Solid", "onClickAction": action("a")},
            {"type": "Button", "label": "Soft", "variant": "soft", "color": "info"},
            {"type": "Button", "label": "Outline", "variant": "outline", "color": "secondary"},
            {"type": "Button", "label": "Ghost", "variant": "ghost", "color": "danger"},
            {
                "type": "Button",
                "iconStart": "star",
                "uniform": True,
                "pill": True,
                "variant": "soft",
                "color": "caution",
            },
        ],
    },
)

BASIC = {
    "type": "Basic",
    "direction": "row",
    "gap": 3,
    "align": "center",
    "children": [
        {
            "type": "Box",
            "size": 40,
            "radius": "full",
            "background": {"light": "blue-100", "dark": "blue-900"},
            "align": "center",
            "justify": "center",
            "children": [{"type": "Icon", "name": "user", "color": "blue-500"}],
        },
        {
            "type": "Col",
            "children": [
                text("Ada Lovelace", weight="semibold", size="sm"),
                {"type": "Caption", "value": "Analyst · London"},
            ],
        },
    ],
}

VARIANTS = ["solid", "soft", "outline", "ghost"]
COLORS = ["primary", "secondary", "info", "discovery", "success", "caution", "warning", "danger"]

CONTROLS = card(
    {"type": "Title", "value": "Controls", "size": "sm"},
    *[
        {
            "type": "Row",
            "gap": 2,
            "wrap": "wrap",
            "children": [
                {
                    "type": "Button",
                    "label": color.title(),
                    "color": color,
                    "variant": variant,
                    "size": "sm",
                }
                for color in COLORS
            ],
        }
        for variant in VARIANTS
    ],
    {
        "type": "Row",
        "gap": 2,
        "wrap": "wrap",
        "children": [
            {"type": "Badge", "label": color.title(), "color": color, "variant": variant}
            for variant in ["soft", "solid", "outline"]
            for color in ["secondary", "success", "danger", "warning", "info", "discovery"][
                : 3 if variant != "soft" else 6
            ]
        ],
    },
    {
        "type": "Row",
        "gap": 2,
        "wrap": "wrap",
        "children": [
            {
                "type": "Select",
                "name": f"s{variant}",
                "variant": variant,
                "placeholder": variant.title(),
                "options": [{"value": "a", "label": "Apple"}],
                "clearable": True,
            }
            for variant in VARIANTS
        ],
    },
    {
        "type": "Row",
        "gap": 2,
        "children": [
            {"type": "Input", "name": "soft", "variant": "soft", "placeholder": "Soft input"},
            {"type": "Input", "name": "pill", "pill": True, "placeholder": "Pill input"},
        ],
    },
    {
        "type": "Select",
        "name": "country",
        "placeholder": "Search countries",
        "block": True,
        "options": [{"value": str(i), "label": f"Country {i}"} for i in range(30)],
    },
    {
        "type": "Row",
        "gap": 2,
        "children": [
            {
                "type": "Button",
                "label": "Small pill",
                "pill": True,
                "size": "xs",
                "iconEnd": "chevron-right",
            },
            {
                "type": "Button",
                "label": "Large",
                "size": "lg",
                "iconStart": "sparkle",
                "color": "discovery",
            },
            {
                "type": "Button",
                "label": "Disabled",
                "disabled": True,
                "variant": "outline",
                "color": "secondary",
            },
        ],
    },
    {
        "type": "Button",
        "label": "Block button",
        "block": True,
        "variant": "soft",
        "color": "secondary",
    },
    size="lg",
)

GALLERY = {
    "controls": CONTROLS,
    "flight": FLIGHT,
    "form": FORM,
    "list": LIST,
    "chart": CHART,
    "area": AREA_CHART,
    "table": TABLE,
    "content": CONTENT,
    "basic": BASIC,
}
