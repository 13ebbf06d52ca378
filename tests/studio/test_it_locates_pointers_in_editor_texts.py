"""JSON pointers become the text to select: exactly in JSON, through Jinja in templates."""

import json

from studio.locate import line_span, locate, parse, utf16
from widgets.sandbox import render_text

TEMPLATE = """{
  "type": "Card",
  "children": [
    {"type": "Title", "value": {{ title | tojson }}},
    {%- for item in items %}
    {"type": "Row", "key": {{ item.id | tojson }}, "children": [
      {"type": "Text", "value": {{ item.label | tojson }}},
      {"type": "Badge", "label": "x", "size": {{ item.size | tojson }}}
    ]},
    {%- endfor %}
    {% if footer %}{"type": "Caption", "value": "More"},{% endif %}
    {"type": "Divider"},
    {"type": "Button", "label": "Go", "onClickAction": {"type": "go"}}
  ]
}"""

DATA = {
    "title": "Hi",
    "items": [
        {"id": "a", "label": "A", "size": "sm"},
        {"id": "b", "label": "B", "size": "huge"},
    ],
    "footer": False,
}


def located(text, pointer, rendered=None, jinja=False):
    span = locate(parse(text, jinja=jinja).root, pointer, rendered, jinja=jinja)
    return text[span.start : span.end]


def rendered():
    return json.loads(render_text(TEMPLATE, DATA))


def test_it_finds_a_property_inside_a_loop_body():
    found = located(TEMPLATE, "/children/2/children/1/size", rendered(), jinja=True)
    assert found == '"size": {{ item.size | tojson }}'


def test_it_matches_loop_items_by_component_type():
    assert located(TEMPLATE, "/children/1/key", rendered(), jinja=True).startswith('"key"')


def test_it_maps_items_after_the_loop_from_the_end():
    assert located(TEMPLATE, "/children/4/label", rendered(), jinja=True) == '"label": "Go"'
    nested = located(TEMPLATE, "/children/4/onClickAction/type", rendered(), jinja=True)
    assert nested == '"type": "go"'


def test_it_points_at_the_object_for_a_missing_property():
    assert located(TEMPLATE, "/children/3/label", rendered(), jinja=True) == '"type": "Divider"'


def test_it_stops_at_the_expression_that_built_a_value():
    template = '{"type": "Card", "children": {{ children | tojson }}}'
    widget = {"type": "Card", "children": [{"type": "Text", "value": 5}]}
    assert located(template, "/children/0/value", widget, jinja=True) == "{{ children | tojson }}"


def test_it_reads_chatkit_studio_leading_comma_loops():
    template = (
        '{"type":"ListView","children":[{%- set _c -%}{%-for item in items -%},'
        '{"type":"ListViewItem","key":{{ (item.id) | tojson }},"children":[{"type":"Text","value":{{ (item.label) | tojson }},"size":"sm"}]}'
        "{%-endfor-%}{%- endset -%}{{- (_c[1:] if _c and _c[0] == ',' else _c) -}}]}"
    )
    data = {"items": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]}
    widget = json.loads(render_text(template, data))
    assert located(template, "/children/1/children/0/size", widget, jinja=True) == '"size":"sm"'


def test_it_finds_json_pointers_exactly():
    text = json.dumps({"items": [{"name": "a"}, {"name": "b", "tags": ["x", "y/z"]}]}, indent=2)
    assert located(text, "/items/1/name") == '"name": "b"'
    assert located(text, "/items/1/tags/1") == '"y/z"'
    assert located(text, "/items/0/missing") == '"name": "a"'


def test_it_unescapes_pointer_tokens():
    text = '{"a/b": {"c~d": 1}}'
    assert located(text, "/a~1b/c~0d") == '"c~d": 1'


def test_it_reports_where_a_template_stops_being_json():
    parsed = parse('{"type": "Card", "children": [{"type": "Text" "value": "x"}]}', jinja=True)
    assert parsed.error is not None
    assert parsed.error_message == "expected ',' or '}' after a property"


def test_it_tolerates_half_typed_text():
    for text in ['{"type": "Ca', '{"children": [{"type":', "{{ x", "{% for", "]]]", ""]:
        parse(text, jinja=True)


def test_it_counts_offsets_in_utf16_units_like_the_browser():
    text = '{"emoji": "😀", "size": "huge"}'
    span = locate(parse(text).root, "/size")
    start, end = utf16(text, span)
    assert text.encode("utf-16-le")[start * 2 : end * 2].decode("utf-16-le") == '"size": "huge"'


def test_it_spans_a_line_without_its_indentation():
    text = "one\n    two  \nthree"
    span = line_span(text, 2)
    assert text[span.start : span.end] == "two"
    assert line_span(text, 9) is None
