"""The built-in gallery: polished templates that render with their sample data (SPEC §9)."""

import pytest

from widgets.catalog import COMPONENTS
from widgets.gallery import gallery, install_gallery
from widgets.models import WidgetTemplate
from widgets.tree import components
from widgets.validation import validate_widget

REQUIRED = {
    "order_status", "flight_itinerary", "booking_form", "product_list", "support_ticket",
    "weather", "invoice_table", "metrics_chart", "survey", "confirmation", "contact_form",
    "faq_list", "calendar_slots", "shipment_tracking", "account_summary", "sign_up",
}  # fmt: skip


def test_it_has_the_templates_a_business_needs():
    assert set(gallery()) >= REQUIRED
    assert len(gallery()) >= 16


@pytest.mark.parametrize("name", sorted(gallery()))
def test_each_template_is_a_valid_file_with_named_samples(name):
    widget_file = gallery()[name]
    assert widget_file.problems() == []
    assert widget_file.sample_data, "every gallery template has sample data"
    assert widget_file.description
    assert widget_file.render(widget_file.sample()) == widget_file.output_json_preview


@pytest.mark.parametrize(
    ("name", "case"),
    [(name, case["name"]) for name, file in sorted(gallery().items()) for case in file.sample_data],
)
def test_each_sample_case_renders_a_valid_widget(name, case):
    widget_file = gallery()[name]
    widget = widget_file.render(widget_file.sample(case))
    assert validate_widget(widget) == []


def test_the_gallery_uses_the_whole_catalog():
    used = {
        component["type"]
        for widget_file in gallery().values()
        for case in widget_file.sample_data
        for component in components(widget_file.render(case["data"]))
    }
    assert used == set(COMPONENTS)


def test_it_works_offline():
    for widget_file in gallery().values():
        for component in components(widget_file.output_json_preview):
            if component["type"] == "Image":
                assert component["src"].startswith("data:image/")


@pytest.mark.django_db
def test_installing_is_idempotent():
    assert install_gallery() == len(gallery())
    assert install_gallery() == len(gallery())
    templates = WidgetTemplate.objects.all()
    assert {template.name for template in templates} == set(gallery())
    assert all(template.is_builtin for template in templates)
    assert all(template.versions.count() == 1 for template in templates)
    assert WidgetTemplate.objects.get(name="weather").title == "Weather forecast"
