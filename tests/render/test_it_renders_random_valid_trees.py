"""Property: random widgets that the published schema accepts pass the models and render in
Chromium with one element per component, and no error box."""

import json

import pytest
from hypothesis import HealthCheck, given, settings

from tests.widgets.strategies import widgets as valid_widgets
from widgets.tree import components
from widgets.validation import validate_widget

pytestmark = pytest.mark.browser


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(widget=valid_widgets)
def test_it_renders_every_valid_tree(widgets, widget):
    assert validate_widget(widget) == []
    root = widgets.render(widget)
    state = root.get_attribute("data-state")
    assert state == "ready", widgets.page.evaluate(
        "() => document.getElementById('root').innerText"
    )
    expected = sorted(component["type"] for component in components(widget))
    rendered = widgets.page.evaluate(
        "() => [...document.querySelectorAll('#root [data-component]')].map((e) => e.dataset.component)"
    )
    # Every component of the document is drawn (a renderer may add inner parts, never drop one).
    for kind in set(expected):
        assert rendered.count(kind) >= expected.count(kind), (kind, json.dumps(widget)[:500])
