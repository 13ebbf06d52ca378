"""The studio's problems are those `manage.py widgets validate` prints for the same file."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from studio.drafts import check_draft, parse_draft
from studio.schemas import Draft
from tests.studio.conftest import gallery_draft
from widgets.gallery import gallery


def broken_drafts():
    unknown_prop = gallery_draft()
    unknown_prop["template"] = unknown_prop["template"].replace('"size": "md"', '"size": "huge"', 1)
    bad_data = gallery_draft()
    bad_data["cases"][1]["data"] = bad_data["cases"][1]["data"].replace('"Delivered"', "7", 1)
    undefined = gallery_draft("weather")
    undefined["template"] = undefined["template"].replace("{{ location", "{{ town", 1)
    syntax = gallery_draft("survey")
    syntax["template"] = syntax["template"] + "{% endif %}"
    bad_schema = gallery_draft("faq_list")
    bad_schema["json_schema"] = json.dumps({"type": "object", "properties": {"a": {"type": 5}}})
    duplicate_case = gallery_draft("order_status")
    duplicate_case["cases"][2]["name"] = duplicate_case["cases"][0]["name"]
    return {
        "unknown enum value": unknown_prop,
        "data against the schema": bad_data,
        "undefined variable": undefined,
        "template syntax": syntax,
        "invalid schema": bad_schema,
        "duplicate case name": duplicate_case,
    }


class _Lines:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def write(self, text: str) -> None:
        self.lines.extend(line for line in text.splitlines() if line)

    def flush(self) -> None:
        pass


@pytest.mark.parametrize("name", list(broken_drafts()))
def test_it_reports_what_the_command_reports(tmp_path, name):
    draft = broken_drafts()[name]
    problems = check_draft(Draft.model_validate(draft)).problems
    expected = command_lines(tmp_path, draft)
    assert problems, name
    assert len(problems) == len(expected), (problems, expected)
    for problem, line in zip(problems_in_file_order(problems), expected, strict=True):
        assert problem.message in line, (problem, line)
        assert (problem.pointer or "/") in line or problem.pointer == "", (problem, line)


def command_lines(tmp_path, draft: dict) -> list[str]:
    """What the command prints for the file of `draft`, less each line's file name."""
    document, _ = parse_draft(Draft.model_validate(draft))
    # The studio writes the preview itself when it saves: leave it out of the comparison.
    document["outputJsonPreview"] = {"type": "Card", "children": []}
    path = tmp_path / "draft.widget"
    path.write_text(json.dumps(document))
    out: list[str] = []
    with pytest.raises(CommandError, match="files are invalid"):
        call_command("widgets", "validate", str(path), stdout=_Lines(out), stderr=_Lines(out))
    return [line.split(":", 1)[1] for line in out if line.startswith(f"{path}:")]


def problems_in_file_order(problems):
    """The command lists sample cases in order; the studio puts the shown case first."""
    return sorted(problems, key=lambda problem: -1 if problem.case is None else problem.case)


def test_it_finds_nothing_wrong_with_the_gallery():
    for name in gallery():
        check = check_draft(Draft.model_validate(gallery_draft(name)))
        assert check.problems == [], name
        assert check.widget is not None
