"""`manage.py widgets schema | docs | validate | render` (SPEC §5)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from widgets.gallery import GALLERY_DIR
from widgets.schema import widget_schema

ROOT = Path(__file__).resolve().parents[2]
VALID = {"type": "Card", "children": [{"type": "Text", "value": "Hi"}]}
INVALID = {
    "type": "Card",
    "children": [{"type": "Badge", "label": "x", "size": "huge"}, {"type": "Nope"}],
}


def write(path, content):
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return str(path)


def manage(*args):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    return subprocess.run(
        [sys.executable, "manage.py", "widgets", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_schema_prints_the_json_schema(capsys):
    call_command("widgets", "schema")
    assert json.loads(capsys.readouterr().out) == widget_schema()


def test_validate_passes_valid_files(tmp_path, capsys):
    call_command(
        "widgets",
        "validate",
        write(tmp_path / "ok.json", VALID),
        str(GALLERY_DIR / "survey.widget"),
    )
    assert capsys.readouterr().out == ""


def test_validate_prints_one_line_per_error_and_fails(tmp_path, capsys):
    bad = write(tmp_path / "bad.json", INVALID)
    good = write(tmp_path / "good.json", VALID)
    with pytest.raises(CommandError) as caught:
        call_command("widgets", "validate", good, bad)
    assert caught.value.returncode == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{bad}:/children/0/size: expected one of sm, md, lg; got 'huge'",
        f"{bad}:/children/1/type: unknown component type 'Nope'",
    ]


def test_validate_checks_a_widget_file_preview_and_samples(tmp_path, capsys):
    document = json.loads((GALLERY_DIR / "order_status.widget").read_text())
    document["outputJsonPreview"]["size"] = "xl"
    document["sampleData"][1]["data"]["status"] = "Lost"
    document["sampleData"][2]["data"]["items"][0]["image"] = "javascript:alert(1)"
    path = write(tmp_path / "order.widget", document)
    with pytest.raises(CommandError):
        call_command("widgets", "validate", path)
    assert capsys.readouterr().out.splitlines() == [
        f"{path}:/outputJsonPreview/size: expected one of sm, md, lg, full; got 'xl'",
        f"{path}:/sampleData/1/data/status: 'Lost' is not one of "
        "['Processing', 'Shipped', 'Delivered', 'Delayed', 'Cancelled']",
        f"{path}:/template: sample 'Delayed' renders an invalid widget at /children/3/children/0/children/0/src: "
        "expected an absolute https:// or http:// URL, or a data:image/ URL; got 'javascript:alert(1)'",
    ]


def test_validate_reports_a_malformed_widget_file(tmp_path, capsys):
    path = write(
        tmp_path / "x.widget", {"version": "2.0", "name": "x", "template": "{{", "jsonSchema": []}
    )
    with pytest.raises(CommandError):
        call_command("widgets", "validate", path)
    assert capsys.readouterr().out.splitlines() == [
        f"{path}:/outputJsonPreview: missing required property 'outputJsonPreview'",
        f"{path}:/version: expected '1.0'; got '2.0'",
        f"{path}:/template: line 1: unexpected 'end of template'",
        f"{path}:/jsonSchema: expected a JSON Schema object; got an array",
    ]


def test_render_prints_the_widget_for_the_sample_data(capsys):
    call_command("widgets", "render", str(GALLERY_DIR / "confirmation.widget"))
    widget = json.loads(capsys.readouterr().out)
    assert widget["confirm"]["label"] == "Send $1,250.00"


def test_render_uses_the_given_data(tmp_path, capsys):
    data = json.loads((GALLERY_DIR / "confirmation.widget").read_text())["sampleData"][0]["data"]
    data["amount"] = "$9.99"
    call_command(
        "widgets",
        "render",
        str(GALLERY_DIR / "confirmation.widget"),
        "--data",
        write(tmp_path / "d.json", data),
    )
    assert json.loads(capsys.readouterr().out)["children"][1]["value"] == "$9.99"


def test_render_points_into_bad_data(tmp_path, capsys):
    data = write(tmp_path / "data.json", {"amount": 12})
    with pytest.raises(CommandError) as caught:
        call_command("widgets", "render", str(GALLERY_DIR / "confirmation.widget"), "--data", data)
    assert caught.value.returncode == 1
    errors = capsys.readouterr().err.splitlines()
    assert f"{data}:/amount: 12 is not of type 'string'" in errors
    assert f"{data}:/bank: missing required property 'bank'" in errors


def test_exit_codes_and_messages_from_the_command_line(tmp_path):
    good = write(tmp_path / "good.json", VALID)
    bad = write(tmp_path / "bad.json", INVALID)
    not_json = write(tmp_path / "broken.json", "{'type': 'Card'")
    ok = manage("validate", good, str(GALLERY_DIR / "weather.widget"))
    assert (ok.returncode, ok.stdout, ok.stderr) == (0, "", "")

    invalid = manage("validate", good, bad)
    assert invalid.returncode == 1
    assert (
        invalid.stdout.splitlines()[0]
        == f"{bad}:/children/0/size: expected one of sm, md, lg; got 'huge'"
    )

    unreadable = manage("validate", bad, str(tmp_path / "missing.json"), str(tmp_path), not_json)
    assert unreadable.returncode == 2
    assert f"{tmp_path / 'missing.json'}: no such file" in unreadable.stderr
    assert f"{tmp_path}: is a directory, not a file" in unreadable.stderr
    assert (
        f"{not_json}: is not JSON: Expecting property name enclosed in double quotes (line 1, column 2)"
        in unreadable.stderr
    )
    assert "Traceback" not in unreadable.stderr

    rendered = manage("render", str(GALLERY_DIR / "faq_list.widget"))
    assert rendered.returncode == 0
    assert json.loads(rendered.stdout)["type"] == "ListView"

    missing_data = manage(
        "render", str(GALLERY_DIR / "faq_list.widget"), "--data", str(tmp_path / "nope.json")
    )
    assert missing_data.returncode == 2
    assert "Traceback" not in missing_data.stderr

    usage = manage("frobnicate")
    assert usage.returncode != 0
    assert "invalid choice" in usage.stderr
