"""/widgets/schema.json serves the widget JSON Schema to anyone (SPEC §4)."""

import json

from widgets.schema import widget_schema


def test_it_serves_the_schema_as_json_to_any_origin(client):
    response = client.get("/widgets/schema.json", HTTP_ORIGIN="https://site.example")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert json.loads(response.content) == widget_schema()


def test_it_is_cacheable_and_revalidates_with_an_etag(client):
    response = client.get("/widgets/schema.json")
    assert "public" in response["Cache-Control"]
    assert "max-age=3600" in response["Cache-Control"]
    again = client.get("/widgets/schema.json", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["Access-Control-Allow-Origin"] == "*"


def test_it_only_answers_reads(client):
    assert client.post("/widgets/schema.json").status_code == 405
