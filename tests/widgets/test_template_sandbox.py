"""Templates render in a budgeted Jinja sandbox: hostile templates fail cleanly."""

import pytest

from widgets.templates import RenderError, WidgetFile, WidgetFileError, render_widget

DATA = {"items": [1, 2, 3], "name": "Ana"}


def template_error(template, data=DATA):
    with pytest.raises(RenderError) as caught:
        render_widget(template, data)
    assert caught.value.stage == "template"
    [error] = caught.value.errors
    return error.message


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{% for a in range(1000) %}{% for b in range(1000) %}{% endfor %}{% endfor %}", "more than 100,000 steps"),
        ("{{ 'x' * 1000000000 }}", "a width of 1,000,000,000 is larger than allowed"),
        ("{{ items * 100000000 }}", "is larger than allowed"),
        ("{{ 2 ** 100000 }}", "too large a number"),
        ("{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}", "larger than 262,144 characters"),
        ("{% macro f(s, n) %}{% if n %}{{ f(s ~ s, n - 1) }}{% endif %}{% endmacro %}{{ f('ab', 60) }}", "larger than 262,144 characters"),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "recursed too deeply"),
        ("{% for x in items recursive %}{{ loop(items) }}{% endfor %}", "recursive loops are not available"),
        ("{{ 'x'|center(1000000000) }}", "is larger than allowed"),
        ("{{ 'x'.ljust(1000000000) }}", "is larger than allowed"),
        ("{{ '%0999999999d' % 1 }}", "format width or precision is too large"),
        ("{{ '%0999999999d'|format(1) }}", "format width or precision is too large"),
        ("{{ '{:>999999999}'.format(1) }}", "format width or precision is too large"),
        ("{% for i in range(100000) %}xxxxxxxxxx{% endfor %}", "output is longer than 262,144 characters"),
        ("{{ lipsum(1000) }}", "'lipsum' is undefined"),
        ("{{ items.__class__.__mro__ }}", "unsafe"),
        ("{{ items.append(4) }}", "unsafe"),
        ("{{ name.__init__.__globals__ }}", "unsafe"),
    ],
)  # fmt: skip
def test_it_stops_hostile_templates(template, message):
    assert message in template_error(template)


def test_it_stops_exponential_work_by_steps_or_time():
    message = template_error(
        "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(40) }}"
    )
    # Whichever budget runs out first: 100,000 steps, or 2 seconds on a busy machine.
    assert message in (
        "the template took more than 100,000 steps",
        "the template ran longer than 2 s",
    )


def test_it_names_the_line_of_an_undefined_variable():
    assert template_error('{"type": "Card",\n "children": [\n {{ nope | tojson }}]}') == (
        "line 3: 'nope' is undefined"
    )


def test_it_reports_syntax_errors_with_their_line():
    assert (
        template_error("{\n{% for %}")
        == "line 2: Expected an expression, got 'end of statement block'"
    )


def test_it_reports_output_that_is_not_json():
    message = template_error('{"type": "Card", "children": [{{ name }}]}')
    assert message.startswith("the template did not render JSON (")
    assert "Ana" in message


def test_it_reports_output_nested_too_deeply_for_json():
    message = template_error("{{ '[' * 100000 }}{{ ']' * 100000 }}")
    assert message == "the template rendered JSON nested too deeply"


def test_it_reports_runtime_errors():
    assert template_error("{{ 1 / 0 }}") == "line 1: division by zero"


def test_it_validates_the_rendered_widget():
    with pytest.raises(RenderError) as caught:
        render_widget('{"type": "Card", "size": {{ name | tojson }}, "children": []}', DATA)
    assert caught.value.stage == "widget"
    assert [(e.pointer, e.message) for e in caught.value.errors] == [
        ("/size", "expected one of sm, md, lg, full; got 'Ana'")
    ]


def test_it_renders_what_chatkit_studio_writes():
    template = (
        '{"type":"ListView","children":[{%- set _c -%}{%-for item in items -%},'
        '{"type":"ListViewItem","key":{{ (item.id) | tojson }},"children":[{"type":"Text",'
        '"value":{{ (item.label) | tojson }}}]}{%-endfor-%}{%- endset -%}'
        "{{- (_c[1:] if _c and _c[0] == ',' else _c) -}}]}"
    )
    widget = render_widget(
        template, {"items": [{"id": "a", "label": "<b>A</b>"}, {"id": "b", "label": "B"}]}
    )
    assert [item["children"][0]["value"] for item in widget["children"]] == ["<b>A</b>", "B"]


def test_it_checks_the_template_syntax_when_reading_a_file():
    with pytest.raises(WidgetFileError) as caught:
        WidgetFile.from_dict(
            {
                "version": "1.0",
                "name": "x",
                "template": "{% if %}",
                "jsonSchema": {},
                "outputJsonPreview": {},
            }
        )
    assert [(e.pointer, e.message) for e in caught.value.errors] == [
        ("/template", "line 1: Expected an expression, got 'end of statement block'")
    ]
