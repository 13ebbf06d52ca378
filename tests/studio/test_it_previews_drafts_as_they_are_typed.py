"""POST /studio/api/preview: the chosen case rendered, and every problem located."""

import json
import time

from tests.studio.conftest import gallery_draft, post_json

URL = "/studio/api/preview"


def preview(client, draft, case=0):
    response = post_json(client, URL, {"draft": draft, "case": case})
    assert response.status_code == 200, response.content
    return response.json()


def test_it_renders_the_chosen_case(staff_client):
    draft = gallery_draft("order_status")
    result = preview(staff_client, draft, case=2)
    assert result["problems"] == []
    badge = json.dumps(result["widget"])
    assert "Delayed" in badge and result["widget"]["type"] == "Card"


def test_it_locates_a_widget_error_in_the_template(staff_client):
    draft = gallery_draft("order_status")
    draft["template"] = draft["template"].replace('"size": "md"', '"size": "huge"', 1)
    result = preview(staff_client, draft)
    assert result["widget"] is None
    first = result["problems"][0]
    assert first["editor"] == "template"
    assert first["pointer"] == "/size"
    assert first["message"] == "expected one of sm, md, lg, full; got 'huge'"
    assert draft["template"][first["start"] : first["end"]] == '"size": "huge"'
    # Every sample case renders the same broken card.
    assert {problem["case"] for problem in result["problems"]} == {0, 1, 2}


def test_it_locates_a_data_error_in_its_case(staff_client):
    draft = gallery_draft("order_status")
    draft["cases"][1]["data"] = draft["cases"][1]["data"].replace('"Delivered"', "7", 1)
    result = preview(staff_client, draft, case=0)
    assert result["widget"] is not None  # the chosen case still renders
    assert [problem["message"] for problem in result["problems"]] == [
        "7 is not of type 'string'",
        "7 is not one of ['Processing', 'Shipped', 'Delivered', 'Delayed', 'Cancelled']",
    ]
    text = draft["cases"][1]["data"]
    for problem in result["problems"]:
        assert (problem["editor"], problem["case"], problem["pointer"]) == ("data", 1, "/status")
        assert text[problem["start"] : problem["end"]] == '"status": 7'


def test_it_points_at_json_syntax_errors(staff_client):
    draft = gallery_draft("weather")
    draft["json_schema"] = '{"type": "object",, }'
    result = preview(staff_client, draft)
    [problem] = result["problems"]
    assert problem["editor"] == "schema"
    assert problem["message"].startswith("not JSON: Expecting property name")
    assert problem["start"] == draft["json_schema"].index(",,") + 1


def test_it_points_at_the_line_of_a_template_error(staff_client):
    draft = gallery_draft("weather")
    lines = draft["template"].split("\n")
    lines[3] = lines[3] + " {{ nowhere }}"
    draft["template"] = "\n".join(lines)
    result = preview(staff_client, draft)
    problem = result["problems"][0]
    assert problem["editor"] == "template"
    assert problem["message"] == "line 4: 'nowhere' is undefined"
    assert draft["template"][problem["start"] : problem["end"]] == lines[3].strip()


def test_it_points_at_broken_json_in_the_template(staff_client):
    draft = gallery_draft("weather")
    draft["template"] = draft["template"].replace('"type": "Card",', '"type": "Card"', 1)
    problem = preview(staff_client, draft)["problems"][0]
    assert problem["message"].startswith("the template did not render JSON")
    assert draft["template"][problem["start"] : problem["end"]].startswith('"')


def test_it_stops_hostile_templates_quickly(staff_client):
    draft = gallery_draft("weather")
    for hostile in [
        "{% for a in range(100000) %}{% for b in range(100000) %}x{% endfor %}{% endfor %}",
        "{{ 'x' * 10**9 }}",
        "{{ ''.__class__.__mro__ }}",
        "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
    ]:
        draft["template"] = hostile
        started = time.monotonic()
        problems = preview(staff_client, draft)["problems"]
        assert problems and problems[0]["editor"] == "template", hostile
        assert time.monotonic() - started < 20


def test_it_names_the_fields_a_title_problem_concerns(staff_client):
    draft = gallery_draft("weather")
    draft["title"] = "   "
    [problem] = preview(staff_client, draft)["problems"]
    assert (problem["editor"], problem["pointer"]) == ("details", "/name")
