"""Import and export of .widget files (ChatKit's format): lossless, and bad files refused."""

import base64
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from studio.drafts import draft_from_file
from tests.studio.conftest import post_json
from widgets.gallery import gallery
from widgets.models import WidgetTemplate

# As ChatKit's Widget Builder writes it: no sampleData, the sample inside encodedWidget.
PROJECT = {
    "id": "b2e5f",
    "name": "line_select",
    "view": "<ListView/>",
    "defaultState": {"items": [{"id": "blue", "label": "Blue line"}]},
}
CHATKIT_FILE = json.dumps(
    {
        "version": "1.0",
        "name": "line_select",
        "template": '{"type":"ListView","children":[{%- set _c -%}{%-for item in items -%},{"type":"ListViewItem","key":{{ (item.id) | tojson }},"children":[{"type":"Text","value":{{ (item.label) | tojson }},"size":"sm"}]}{%-endfor-%}{%- endset -%}{{- (_c[1:] if _c and _c[0] == \',\' else _c) -}}]}',
        "jsonSchema": {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "properties": {
                "items": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {"id": {"type": "string"}, "label": {"type": "string"}},
                        "required": ["id", "label"],
                        "additionalProperties": False,
                    },
                }
            },
            "required": ["items"],
            "additionalProperties": False,
        },
        "outputJsonPreview": {
            "type": "ListView",
            "children": [
                {
                    "type": "ListViewItem",
                    "key": "blue",
                    "children": [{"type": "Text", "value": "Blue line", "size": "sm"}],
                }
            ],
        },
        "encodedWidget": base64.urlsafe_b64encode(json.dumps(PROJECT).encode())
        .decode()
        .rstrip("="),
        "futureKey": {"kept": True},
    },
    indent=2,
)


def upload(client, name, content):
    return client.post("/studio/api/import", {"file": SimpleUploadedFile(name, content)})


def export(client, template):
    draft = draft_from_file(template.to_widget_file())
    body = {
        "draft": draft,
        "base": {"name": template.name, "version": template.current_version.number},
    }
    response = post_json(client, "/studio/api/export", body)
    assert response.status_code == 200
    return response


def test_it_imports_a_chatkit_file_and_exports_it_byte_for_byte(staff_client):
    result = upload(staff_client, "line_select.widget", CHATKIT_FILE.encode()).json()
    assert result["name"] == "line_select"
    template = WidgetTemplate.objects.get(name="line_select")
    assert template.current_version.message == "Imported from line_select.widget"
    # The workspace shows the sample from ChatKit Studio's project as a case...
    assert json.loads(result["draft"]["cases"][0]["data"]) == PROJECT["defaultState"]
    # ...and exporting the unchanged draft gives the file back as it came.
    response = export(staff_client, template)
    assert response["Content-Disposition"] == 'attachment; filename="line_select.widget"'
    assert response.content.decode() == CHATKIT_FILE


def test_it_round_trips_every_gallery_file(staff_client):
    for name, widget_file in gallery().items():
        text = widget_file.dumps()
        result = upload(staff_client, f"{name}.widget", text.encode()).json()
        template = WidgetTemplate.objects.get(name=result["name"])
        assert export(staff_client, template).content.decode() == text, name


def test_it_never_overwrites_an_existing_template(staff_client):
    first = upload(staff_client, "a.widget", CHATKIT_FILE.encode()).json()
    second = upload(staff_client, "a.widget", CHATKIT_FILE.encode()).json()
    assert (first["name"], second["name"]) == ("line_select", "line_select_2")
    assert WidgetTemplate.objects.get(name="line_select").versions.count() == 1


@pytest.mark.parametrize(
    ("filename", "content", "status", "code", "message"),
    [
        (
            "notes.json",
            b"{}",
            400,
            "not_widget_file",
            "Only .widget files can be imported; got 'notes.json'.",
        ),
        (
            "big.widget",
            b" " * 1_100_000,
            413,
            "too_large",
            "big.widget is 1,100,000 bytes; the limit is 1,048,576.",
        ),
        (
            "latin.widget",
            '{"name": "caf\xe9"}'.encode("latin-1"),
            400,
            "invalid_file",
            "latin.widget is not UTF-8 text.",
        ),
        (
            "broken.widget",
            b'{"version": ',
            400,
            "invalid_file",
            "broken.widget is not a .widget file: /: not JSON: Expecting value (line 1, column 13)",
        ),
        ("deep.widget", b"[" * 100_000, 400, "invalid_file", None),
        ("half.widget", b'{"version": "2.0", "name": "x"}', 400, "invalid_file", None),
    ],
)
def test_it_refuses_bad_uploads_and_changes_nothing(
    staff_client, filename, content, status, code, message
):
    response = upload(staff_client, filename, content)
    assert response.status_code == status, response.content
    error = response.json()["error"]
    assert error["code"] == code
    if message:
        assert error["message"] == message
    assert not WidgetTemplate.objects.exists()


def test_it_lists_what_is_wrong_with_a_file(staff_client):
    response = upload(staff_client, "half.widget", b'{"version": "2.0", "name": "x"}')
    pointers = [problem["pointer"] for problem in response.json()["error"]["problems"]]
    assert pointers == ["/template", "/jsonSchema", "/outputJsonPreview", "/version"]


def test_it_asks_for_a_file(staff_client):
    response = staff_client.post("/studio/api/import", {})
    assert response.json()["error"]["code"] == "no_file"


def test_it_exports_an_edited_draft_with_a_fresh_preview(staff_client):
    draft = draft_from_file(gallery()["weather"])
    draft["template"] = draft["template"].replace('"size": "sm"', '"size": "md"', 1)
    response = post_json(staff_client, "/studio/api/export", {"draft": draft})
    document = json.loads(response.content)
    assert response["Content-Disposition"] == 'attachment; filename="weather_forecast.widget"'
    assert document["outputJsonPreview"]["size"] == "md"
    assert [case["name"] for case in document["sampleData"]] == ["Lisbon", "Bristol"]
