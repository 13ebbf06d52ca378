"""Errors name the JSON pointer of the wrong value and say what was expected (SPEC §8)."""

import pytest

from tests.widgets.documents import gallery_widgets, pointers, replaced, schema_accepts
from widgets.validation import WidgetError, validate_widget


def wrong_value(value):
    """A value of a JSON type the prop holding `value` never accepts."""
    if isinstance(value, dict):
        return True
    if isinstance(value, list):
        return "not an array"
    return []


def mutable_pointers(widget):
    """Pointers whose value is checked: not inside action payloads or chart data rows."""
    for pointer, value in pointers(widget):
        parts = pointer.split("/")
        if "payload" in parts[:-1] or ("data" in parts[:-2] and "Chart" in str(widget)):
            continue
        yield pointer, value


WIDGETS = gallery_widgets()


@pytest.mark.parametrize("name", sorted(name for name in WIDGETS if name.endswith("/preview")))
def test_it_points_at_every_wrongly_typed_value(name):
    widget = WIDGETS[name]
    for index, (pointer, value) in enumerate(mutable_pointers(widget)):
        document = replaced(widget, pointer, wrong_value(value))
        errors = validate_widget(document)
        assert pointer in [error.pointer for error in errors], (pointer, errors)
        # The JSON Schema validator is 30 times slower: it checks every third mutation.
        if index % 3 == 0:
            assert not schema_accepts(document), pointer


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (
            {"type": "Card", "children": [{"type": "Badge", "label": "New", "size": "huge"}]},
            WidgetError("/children/0/size", "expected one of sm, md, lg; got 'huge'"),
        ),
        (
            {
                "type": "Card",
                "children": [
                    {"type": "Text", "value": "a"},
                    {"type": "Text", "value": "b"},
                    {"type": "Button", "onClickAction": {"type": 5}},
                ],
            },
            WidgetError("/children/2/onClickAction/type", "expected a string; got 5"),
        ),
        (
            {"type": "Card", "children": [{"type": "Button", "onClickAction": {"payload": {}}}]},
            WidgetError("/children/0/onClickAction/type", "missing required property 'type'"),
        ),
        (
            {"type": "Card", "children": [{"type": "Text", "value": "x", "colour": "red"}]},
            WidgetError("/children/0/colour", "unknown property 'colour' for Text; did you mean 'color'?"),
        ),
        (
            {"type": "Card", "children": [{"type": "Sparkles"}]},
            WidgetError("/children/0/type", "unknown component type 'Sparkles'"),
        ),
        (
            {"type": "Text", "value": "x"},
            WidgetError("/type", "a widget root must be one of Card, ListView, Basic; got 'Text'"),
        ),
        (
            {"type": "Card", "children": [{"type": "ListViewItem", "children": []}]},
            WidgetError("/children/0/type", "'ListViewItem' may only appear directly inside a ListView"),
        ),
        (
            {"type": "ListView", "children": [{"type": "Text", "value": "x"}]},
            WidgetError(
                "/children/0/type",
                "expected 'ListViewItem' here (a ListView holds only ListViewItem); got 'Text'",
            ),
        ),
        (
            {"type": "Card", "children": [{"type": "Table", "children": [{"type": "Table.Cell"}]}]},
            WidgetError(
                "/children/0/children/0/type",
                "expected 'Table.Row' here (a Table holds only Table.Row); got 'Table.Cell'",
            ),
        ),
        (
            {"type": "Card", "children": [{"type": "Box", "children": [{"type": "Card", "children": []}]}]},
            WidgetError(
                "/children/0/children/0/type",
                "'Card' is a widget root: it may only be the top level or a child of Basic",
            ),
        ),
        (
            {"type": "Card", "size": None, "children": []},
            WidgetError("/size", "expected one of sm, md, lg, full; got null"),
        ),
        (
            {"type": "Card", "children": [{"type": "Text", "value": "x", "editable": True}]},
            WidgetError("/children/0/editable", "expected false; got true"),
        ),
        (
            {"type": "Card", "children": [{"type": "Chart", "data": [], "series": [{"type": "pie", "dataKey": "v"}], "xAxis": "d"}]},
            WidgetError("/children/0/series/0/type", "expected a series type, one of bar, area, line; got 'pie'"),
        ),
        (
            {"type": "Card", "padding": True, "children": []},
            WidgetError("/padding", "expected a number, a CSS spacing string or a spacing object; got true"),
        ),
        (
            {"type": "Card", "status": {"text": "x", "icon": "check", "favicon": "https://a.example/f.ico"}, "children": []},
            WidgetError("/status/favicon", "unknown property 'favicon'"),
        ),
        (
            {"type": "Card", "children": [{"type": "Transition", "children": {"type": "Text"}}]},
            WidgetError("/children/0/children/value", "missing required property 'value'"),
        ),
        (
            {"type": "Card", "children": ["Hello"]},
            WidgetError("/children/0", "expected a component object; got 'Hello'"),
        ),
        (
            {"type": "Card", "children": [{"type": "Text", "value": "x", "maxLines": 0}]},
            WidgetError("/children/0/maxLines", "expected a number of at least 1; got 0"),
        ),
        (
            {"type": "Card", "children": [{"type": "Text", "value": "x", "maxLines": 2.5}]},
            WidgetError("/children/0/maxLines", "expected a whole number; got 2.5"),
        ),
    ],
)  # fmt: skip
def test_it_explains_each_error(document, expected):
    assert validate_widget(document) == [expected]
    assert not schema_accepts(document)


def test_it_reports_every_error_in_one_pass():
    document = {
        "type": "Card",
        "size": "huge",
        "children": [
            {"type": "Badge"},
            {"type": "Image", "src": "ftp://files.example/a.png"},
            {"type": "Button", "onClickAction": {"type": "go", "handler": "browser"}},
        ],
    }
    assert [error.pointer for error in validate_widget(document)] == [
        "/children/0/label",
        "/children/1/src",
        "/children/2/onClickAction/handler",
        "/size",
    ]


def test_it_escapes_pointer_tokens():
    document = {
        "type": "Card",
        "children": [{"type": "Chart", "data": [{"a/b~c": None}], "series": [], "xAxis": "d"}],
    }
    assert validate_widget(document) == [
        WidgetError("/children/0/data/0/a~1b~0c", "expected a string or a number; got null")
    ]


def test_it_accepts_a_float_that_is_a_whole_number_where_an_integer_is_expected():
    document = {"type": "Card", "children": [{"type": "Text", "value": "x", "maxLines": 2.0}]}
    assert validate_widget(document) == []
    assert schema_accepts(document)
