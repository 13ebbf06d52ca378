"""`.widget` files import and export losslessly (SPEC §8)."""

import json

import pytest

from widgets.gallery import GALLERY_DIR
from widgets.models import WidgetTemplate
from widgets.templates import WidgetFile

# Laid out as ChatKit Studio writes files: its key order, two-space indentation, no final
# newline, non-ASCII text as is.
STUDIO_FILE = """{
  "version": "1.0",
  "name": "Café order",
  "template": "{\\"type\\":\\"Card\\",\\"children\\":[{\\"type\\":\\"Text\\",\\"value\\":{{ (drink) | tojson }}},{\\"type\\":\\"Badge\\",\\"label\\":{{ (size) | tojson }}}]}",
  "jsonSchema": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
      "zeta": {
        "type": "number",
        "minimum": 1.5
      },
      "drink": {
        "type": "string"
      },
      "size": {
        "type": "string",
        "enum": [
          "S",
          "M"
        ]
      }
    },
    "required": [
      "drink",
      "size"
    ],
    "additionalProperties": false
  },
  "outputJsonPreview": {
    "type": "Card",
    "children": [
      {
        "type": "Text",
        "value": "Flat white ☕"
      },
      {
        "type": "Badge",
        "label": "M"
      }
    ]
  },
  "encodedWidget": "eyJpZCI6IndpZ18xIiwiZGVmYXVsdFN0YXRlIjp7ImRyaW5rIjoiRmxhdCB3aGl0ZSDimJUiLCJzaXplIjoiTSJ9fQ"
}"""


@pytest.mark.parametrize("path", sorted(GALLERY_DIR.glob("*.widget")), ids=lambda path: path.stem)
def test_every_gallery_file_round_trips_byte_for_byte(path):
    text = path.read_text(encoding="utf-8")
    assert WidgetFile.loads(text).dumps() == text


def test_a_studio_file_round_trips_byte_for_byte():
    widget_file = WidgetFile.loads(STUDIO_FILE)
    assert widget_file.dumps() == STUDIO_FILE
    assert list(widget_file.json_schema["properties"]) == ["zeta", "drink", "size"]


def test_it_reads_sample_data_from_the_studio_project():
    widget_file = WidgetFile.loads(STUDIO_FILE)
    assert widget_file.sample() == {"drink": "Flat white ☕", "size": "M"}
    assert widget_file.render(widget_file.sample()) == widget_file.output_json_preview
    assert widget_file.problems() == []


def test_it_keeps_unknown_keys_after_the_known_ones():
    document = json.loads(STUDIO_FILE)
    document = {"x-origin": {"tool": "builder", "n": 2}, **document, "x-notes": ["a", 1.0]}
    widget_file = WidgetFile.from_dict(document)
    assert widget_file.extra == {"x-origin": {"tool": "builder", "n": 2}, "x-notes": ["a", 1.0]}
    exported = widget_file.to_dict()
    assert exported == document
    assert list(exported)[-2:] == ["x-origin", "x-notes"]
    assert WidgetFile.loads(widget_file.dumps()).dumps() == widget_file.dumps()


def test_it_round_trips_descriptions_and_sample_cases():
    document = json.loads(STUDIO_FILE)
    document["description"] = "A coffee order."
    document["sampleData"] = [
        {"name": "Small", "data": {"drink": "Espresso", "size": "S"}},
        {"name": "Medium", "data": {"drink": "Latte", "size": "M"}},
    ]
    widget_file = WidgetFile.from_dict(document)
    assert widget_file.to_dict() == document
    assert widget_file.sample("Medium") == {"drink": "Latte", "size": "M"}
    assert widget_file.sample() == {"drink": "Espresso", "size": "S"}


@pytest.mark.django_db
def test_it_round_trips_through_the_database():
    template = WidgetTemplate.import_widget_file(WidgetFile.loads(STUDIO_FILE))
    assert template.name == "caf_order"
    template = WidgetTemplate.objects.get(pk=template.pk)
    exported = template.export()
    assert json.dumps(exported, indent=2, ensure_ascii=False) == STUDIO_FILE
    assert list(exported["jsonSchema"]["properties"]) == ["zeta", "drink", "size"]
    assert isinstance(exported["jsonSchema"]["properties"]["zeta"]["minimum"], float)


@pytest.mark.django_db
def test_gallery_files_round_trip_through_the_database():
    for path in sorted(GALLERY_DIR.glob("*.widget")):
        text = path.read_text(encoding="utf-8")
        template = WidgetTemplate.import_widget_file(WidgetFile.loads(text), name=path.stem)
        fresh = WidgetTemplate.objects.get(pk=template.pk)
        assert fresh.to_widget_file().dumps() == text
