"""Widget templates keep every saved edit as a numbered version."""

import copy

import pytest
from django.contrib.auth import get_user_model

from widgets.gallery import gallery
from widgets.models import WidgetTemplate, template_name_for
from widgets.templates import RenderError, WidgetFileError

pytestmark = pytest.mark.django_db


def order_status():
    return copy.deepcopy(gallery()["order_status"])


def test_it_saves_each_edit_as_a_new_version():
    author = get_user_model().objects.create(username="dana")
    template = WidgetTemplate.objects.create(name="order", title="Order")
    first = template.save_version(order_status(), message="First", author=author)
    edited = order_status()
    edited.template = edited.template.replace('"size": "md"', '"size": "lg"')
    second = template.save_version(edited, message="Bigger card")
    assert [first.number, second.number] == [1, 2]
    template.refresh_from_db()
    assert template.current_version == second
    assert template.title == "Order status"
    assert first.author == author and second.message == "Bigger card"
    assert template.render()["size"] == "lg"


def test_it_rolls_back_by_saving_a_copy_of_an_old_version():
    template = WidgetTemplate.objects.create(name="order", title="Order")
    template.save_version(order_status())
    edited = order_status()
    edited.template = edited.template.replace('"size": "md"', '"size": "lg"')
    template.save_version(edited)
    restored = template.rollback(1)
    assert restored.number == 3
    assert restored.message == "Rolled back to version 1"
    assert restored.source == template.versions.get(number=1).source
    assert template.versions.count() == 3
    assert template.render()["size"] == "md"


def test_it_exports_the_current_version_as_a_widget_file():
    template = WidgetTemplate.objects.create(name="order_status", title="x")
    template.save_version(order_status())
    assert template.export() == order_status().to_dict()


def test_importing_an_unchanged_file_saves_no_version():
    first = WidgetTemplate.import_widget_file(order_status(), name="order_status")
    again = WidgetTemplate.import_widget_file(order_status(), name="order_status")
    assert first.pk == again.pk
    assert again.versions.count() == 1
    changed = order_status()
    changed.description = "Changed."
    WidgetTemplate.import_widget_file(changed, name="order_status")
    assert again.versions.count() == 2


def test_it_refuses_a_malformed_file_but_keeps_a_template_that_renders_badly():
    template = WidgetTemplate.objects.create(name="order", title="Order")
    broken = order_status()
    broken.json_schema = {"type": "no such type"}
    with pytest.raises(WidgetFileError):
        template.save_version(broken)
    assert template.versions.count() == 0
    work_in_progress = order_status()
    work_in_progress.template = '{"type": "Card", "children": [{{ missing | tojson }}]}'
    template.save_version(work_in_progress)
    with pytest.raises(RenderError) as caught:
        template.render()
    assert caught.value.stage == "template"


def test_it_renders_named_sample_cases_or_given_data():
    template = WidgetTemplate.import_widget_file(order_status(), name="order_status")
    assert template.render(sample="Delivered")["children"][0]["children"][2]["label"] == "Delivered"
    data = order_status().sample("Delayed")
    assert template.render(data)["children"][0]["children"][2]["label"] == "Delayed"


@pytest.mark.parametrize(
    ("title", "name"),
    [("Order status", "order_status"), ("Café — menu!", "caf_menu"), ("???", "widget")],
)
def test_it_derives_names_from_titles(title, name):
    assert template_name_for(title) == name
