"""Hostile widgets are refused with the right pointer, without exhausting the server."""

import pytest

from tests.widgets.documents import compact, schema_accepts
from widgets.limits import LIMITS, check_limits
from widgets.validation import validate_widget


def card(*children, **props):
    return {"type": "Card", "children": list(children), **props}


def errors_at(document):
    return [error.pointer for error in validate_widget(document)]


def test_it_keeps_script_text_as_text():
    document = card(
        {"type": "Text", "value": "<script>alert(1)</script>"},
        {"type": "Markdown", "value": "<img src=x onerror=alert(1)> [x](javascript:alert(1))"},
        {"type": "Button", "label": "<b>Go</b>", "onClickAction": {"type": "<svg/onload=1>"}},
    )
    assert validate_widget(document) == []


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "data:image/svg+xml,<svg onload=alert(1)>",
        "//evil.example/a.png",
        "/relative.png",
        "https://user:pass@bank.example@evil.example/a.png",
        'https://evil.example/a.png"onerror="alert(1)',
        "https://evil.example/a b.png",
        "file:///etc/passwd",
        "https://",
        "https://evil.example/a.png\n",
    ],
)
def test_it_refuses_urls_that_are_not_http_or_data_images(url):
    image = card({"type": "Image", "src": url})
    favicon = card(status={"text": "Acme", "favicon": url})
    assert errors_at(image) == ["/children/0/src"]
    assert errors_at(favicon) == ["/status/favicon"]
    assert not schema_accepts(image) and not schema_accepts(favicon)


@pytest.mark.parametrize(
    "color",
    [
        "red;background:url(https://evil.example)",
        "url(javascript:alert(1))",
        "expression(alert(1))",
        "EXPRESSION(alert(1))",
        "rgb(expression(alert(1)))",
        "red}body{display:none",
        "</style><script>alert(1)</script>",
        "var(--x)",
        "#12",
        "red\n",
        "linear-gradient(red, url(x))",
        "",
    ],
)
def test_it_refuses_css_injection_in_colors(color):
    for document, pointer in [
        (card({"type": "Text", "value": "x", "color": color}), "/children/0/color"),
        (card(background=color), "/background"),
        (
            card({"type": "Box", "background": {"light": color, "dark": "#000"}}),
            "/children/0/background/light",
        ),
        (card({"type": "Box", "border": {"size": 1, "color": color}}), "/children/0/border/color"),
    ]:
        assert errors_at(document) == [pointer], (color, pointer)
        assert not schema_accepts(document)


@pytest.mark.parametrize(
    "length", ["12px;color:red", "calc(1px);x", "url(x)", "10 px", "expression(1)"]
)
def test_it_refuses_css_injection_in_lengths(length):
    document = card({"type": "Box", "width": length, "padding": length})
    assert errors_at(document) == ["/children/0/width", "/children/0/padding"]
    assert not schema_accepts(document)


def test_it_refuses_form_names_that_reach_object_prototypes():
    for name in ["__proto__", "a.__proto__.b", "constructor", "x.prototype"]:
        document = card({"type": "Input", "name": name})
        assert errors_at(document) == ["/children/0/name"]
        assert not schema_accepts(document)


def test_it_refuses_a_ten_megabyte_string_at_its_pointer():
    document = card({"type": "Text", "value": "x" * 10_000_000})
    [error] = validate_widget(document)
    assert error.pointer == "/children/0/value"
    assert "262,144 bytes" in error.message


def test_it_refuses_a_widget_over_256_kib_in_total():
    document = card(*({"type": "Text", "value": "y" * 1000} for _ in range(300)))
    [error] = validate_widget(document)
    assert error.pointer.startswith("/children/")
    assert "larger than 262,144 bytes" in error.message


def test_it_measures_size_exactly_as_compact_json():
    base = card({"type": "Text", "value": ""})
    room = LIMITS.max_bytes - len(compact(base).encode())
    fits = card({"type": "Text", "value": "é" * (room // 2)})
    assert len(compact(fits).encode()) <= LIMITS.max_bytes
    assert validate_widget(fits) == []
    too_big = card({"type": "Text", "value": "é" * (room // 2) + "xx"})
    assert len(compact(too_big).encode()) > LIMITS.max_bytes
    assert validate_widget(too_big) != []


def test_it_refuses_nesting_500_deep_without_recursing():
    document = {"type": "Text", "value": "deep"}
    for _ in range(500):
        document = {"type": "Box", "children": [document]}
    document = card(document)
    [error] = validate_widget(document)
    assert error.pointer == "/children/0" * 32
    assert error.message == "nested deeper than 32 levels"


def test_it_allows_exactly_32_levels():
    document = {"type": "Text", "value": "deep"}
    for _ in range(30):
        document = {"type": "Box", "children": [document]}
    document = card(document)
    assert validate_widget(document) == []


def test_it_refuses_deep_payloads_without_recursing():
    payload = {}
    for _ in range(100_000):
        payload = {"a": [payload]}
    document = card({"type": "Button", "onClickAction": {"type": "go", "payload": payload}})
    [error] = validate_widget(document)
    assert error.message == "nested deeper than 32 levels"
    assert error.pointer.startswith("/children/0/onClickAction/payload/a/0/a/0")


def test_it_refuses_100k_components():
    document = card(*({"type": "Spacer"} for _ in range(100_000)))
    [error] = validate_widget(document)
    assert error.pointer == "/children/1999"
    assert error.message == "more than 2,000 components in one widget"


def test_it_counts_nested_components():
    rows = [{"type": "Row", "children": [{"type": "Spacer"}] * 9} for _ in range(200)]
    assert check_limits(card(*rows[:199])) is None  # 1 + 199 * 10 = 1,991 components
    problem = check_limits(card(*rows))
    assert problem is not None and problem.message.startswith("more than 2,000")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (float("nan"), "nan is not a JSON number"),
        (float("inf"), "inf is not a JSON number"),
        ({1, 2}, "set is not a JSON value"),
        (b"bytes", "bytes is not a JSON value"),
    ],
)
def test_it_refuses_values_json_cannot_hold(value, message):
    document = card({"type": "Button", "onClickAction": {"type": "go", "payload": {"v": value}}})
    assert [(e.pointer, e.message) for e in validate_widget(document)] == [
        ("/children/0/onClickAction/payload/v", message)
    ]


def test_it_refuses_keys_that_are_not_strings():
    document = card({"type": "Button", "onClickAction": {"type": "go", "payload": {1: "one"}}})
    [error] = validate_widget(document)
    assert error.pointer == "/children/0/onClickAction/payload"


@pytest.mark.parametrize("document", [None, [], "Card", 42, True])
def test_it_refuses_documents_that_are_not_objects(document):
    [error] = validate_widget(document)
    assert error.pointer == ""
