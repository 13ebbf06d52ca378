"""The JSON Schema and the models give the same verdict on every document (SPEC §8)."""

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from tests.widgets.documents import (
    MINIMAL_COMPONENTS,
    ROOT_ADAPTER,
    SCHEMA,
    gallery_widgets,
    model_accepts,
    pointers,
    replaced,
    schema_accepts,
    with_component,
)
from tests.widgets.strategies import widgets
from widgets.validation import validate_widget

HYPOTHESIS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Values that break most props: wrong JSON types, near-miss strings, hostile strings.
MUTANTS = [
    None, True, False, 0, -1, 1.5, 2**60, "", "x", "huge", "Card", "ListViewItem", "sm",
    "12px", "#fff", "red;", "javascript:alert(1)", "https://a.example/x.png", "expression(1)",
    "\n", [], [{}], {}, {"type": "Text", "value": "x"}, {"light": "#fff", "dark": "#000"},
    {"size": 1}, {"type": "go"}, {"text": "t"},
]  # fmt: skip


def test_the_schema_is_a_valid_2020_12_schema():
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["properties"]["type"] == {"enum": ["Card", "ListView", "Basic"]}


def corpus():
    documents = list(gallery_widgets().values())
    documents += [with_component(copy.deepcopy(c)) for c in MINIMAL_COMPONENTS.values()]
    documents += [
        {},
        {"type": "Card"},
        {"type": "Card", "children": None},
        {"type": "Card", "children": [], "extra": 1},
        {"type": "Card", "children": [{"type": "Text", "value": 1}]},
        {"type": "ListView", "children": [{"type": "ListViewItem"}]},
        {"type": "Basic", "children": [{"type": "ListViewItem", "children": []}]},
        {"type": "Card", "children": [{"type": "Box", "border": {}}]},
        {"type": "Card", "children": [{"type": "Box", "border": {"size": 1, "top": 1}}]},
        {"type": "Card", "children": [{"type": "Box", "border": {"color": "red"}}]},
        {"type": "Card", "status": {"text": "t"}, "children": []},
        {"type": "Card", "status": {"text": "t", "icon": "check", "frame": True}, "children": []},
        {"type": "Card", "children": [{"type": "Text", "value": "x", "editable": 0}]},
        {"type": "Card", "children": [{"type": "Text", "value": "x", "maxLines": True}]},
        {"type": "Card", "children": [{"type": "Text", "value": "x", "maxLines": 3.0}]},
        {"type": "Card", "children": [{"type": "Spacer", "minSize": "1e3px"}]},
        {"type": "ListView", "limit": 0, "children": []},
        {"type": "ListView", "children": [{"children": []}]},
        {"type": "Card", "children": [{"type": "Table", "children": [{}]}]},
        {
            "type": "Card",
            "children": [{"type": "Table", "children": [{"type": "Table.Row", "children": [{}]}]}],
        },
        {"type": "ListView", "limit": "auto", "children": []},
    ]
    return documents


@pytest.mark.parametrize("document", corpus())
def test_it_agrees_on_the_corpus(document):
    assert model_accepts(document) == schema_accepts(document)


@given(widgets)
@HYPOTHESIS
def test_every_generated_widget_round_trips(document):
    assert validate_widget(document) == [], json.dumps(document)[:500]
    model = ROOT_ADAPTER.validate_python(document)
    dumped = ROOT_ADAPTER.dump_python(model, mode="json", exclude_none=True, by_alias=True)
    assert schema_accepts(dumped)
    assert ROOT_ADAPTER.validate_python(dumped) == model


@given(widgets, st.data())
@HYPOTHESIS
def test_mutated_widgets_get_the_same_verdict(document, data):
    found = pointers(document)
    if not found:
        return
    pointer, _ = data.draw(st.sampled_from(found))
    action = data.draw(st.sampled_from(["replace", "add", "delete"]))
    if action == "replace":
        mutated = replaced(document, pointer, data.draw(st.sampled_from(MUTANTS)))
    else:
        mutated = copy.deepcopy(document)
        parent_pointer, _, key = pointer.rpartition("/")
        key = key.replace("~1", "/").replace("~0", "~")
        parent = mutated if not parent_pointer else _at(mutated, parent_pointer)
        if isinstance(parent, dict):
            if action == "add":
                parent[
                    data.draw(st.sampled_from(["colour", "onclick", "style", "value", "type"]))
                ] = "x"
            else:
                del parent[key]
        elif action == "delete":
            del parent[int(key)]
    assert model_accepts(mutated) == schema_accepts(mutated), json.dumps(mutated)[:800]


def _at(document, pointer):
    node = document
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node
