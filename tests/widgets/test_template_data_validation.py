"""Template data is validated against the template's jsonSchema before rendering."""

import pytest

from widgets.templates import RenderError, render_widget, validate_data
from widgets.validation import WidgetError

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
        "customer": {"type": "string", "minLength": 1},
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "sku": {"type": "string"},
                    "price": {"type": "number", "minimum": 0},
                    "size": {"enum": ["S", "M", "L"]},
                },
                "required": ["sku", "price"],
                "additionalProperties": False,
            },
        },
        "contact": {"anyOf": [{"type": "string", "format": "email"}, {"type": "null"}]},
    },
    "required": ["customer", "items"],
    "additionalProperties": False,
}
TEMPLATE = '{"type": "Card", "children": [{"type": "Text", "value": {{ customer | tojson }}}]}'


def data_errors(data, schema=SCHEMA):
    with pytest.raises(RenderError) as caught:
        render_widget(TEMPLATE, data, schema)
    assert caught.value.stage == "data"
    return caught.value.errors


def test_it_renders_valid_data():
    widget = render_widget(TEMPLATE, {"customer": "Ana", "items": []}, SCHEMA)
    assert widget["children"][0]["value"] == "Ana"


def test_it_points_into_the_data():
    errors = data_errors(
        {
            "customer": "",
            "items": [{"sku": "A", "price": 1}, {"price": "12", "size": "XL", "colour": "red"}],
        }
    )
    assert WidgetError("/customer", "'' should be non-empty") in errors
    assert WidgetError("/items/1/sku", "missing required property 'sku'") in errors
    assert WidgetError("/items/1/price", "'12' is not of type 'number'") in errors
    assert WidgetError("/items/1/size", "'XL' is not one of ['S', 'M', 'L']") in errors
    assert WidgetError("/items/1/colour", "unknown property 'colour'") in errors


def test_it_names_missing_top_level_properties():
    assert data_errors({}) == [
        WidgetError("/customer", "missing required property 'customer'"),
        WidgetError("/items", "missing required property 'items'"),
    ]


def test_it_explains_the_closest_alternative():
    [error] = data_errors({"customer": "Ana", "items": [], "contact": 42})
    assert error.pointer == "/contact"


def test_it_does_not_render_when_the_data_is_invalid():
    with pytest.raises(RenderError) as caught:
        render_widget("{{ 1 / 0 }}", {"customer": 1, "items": []}, SCHEMA)
    assert caught.value.stage == "data"


@pytest.mark.parametrize("data", [[], "Ana", None, 7])
def test_it_needs_an_object(data):
    assert validate_data(data, {}) == [
        WidgetError("", f"template data must be an object; got {_show(data)}")
    ]


def _show(value):
    return {"[]": "an array", "'Ana'": "'Ana'", "None": "null", "7": "7"}[repr(value)]


def test_it_refuses_hostile_data_before_the_schema_sees_it():
    deep = {}
    for _ in range(10_000):
        deep = {"a": deep}
    [error] = validate_data(deep, {})
    assert error.message == "nested deeper than 32 levels"
    [error] = validate_data({"customer": "x" * 1_000_000, "items": []}, SCHEMA)
    assert error.pointer == "/customer"


def test_it_never_fetches_remote_schemas():
    schema = {"$ref": "https://schemas.example.com/order.json"}
    with pytest.raises(RenderError) as caught:
        render_widget(TEMPLATE, {"customer": "Ana"}, schema)
    assert caught.value.stage == "schema"
    assert "cannot be resolved" in caught.value.errors[0].message


def test_it_survives_a_schema_that_refers_to_itself():
    with pytest.raises(RenderError) as caught:
        render_widget(TEMPLATE, {"customer": "Ana"}, {"$ref": "#"})
    assert caught.value.stage == "schema"
    assert caught.value.errors[0].message == "jsonSchema refers to itself without end"
