"""The health pages: numbers for the chosen period, charts as valid Chart widgets, clear
answers to unknown periods and deployments."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from chatkit.models import EmbedOrigin, Response, Thread
from widgets.validation import validate_widget


@pytest.fixture
def traffic(deployment):
    now = timezone.now()
    for n, (minutes_ago, fields) in enumerate(
        [
            (5, {"first_token_ms": 250, "output_tokens": 120}),
            (20, {"first_token_ms": 900, "output_tokens": 80}),
            (90, {"first_token_ms": 400, "output_tokens": 60}),
            (30, {"outcome": Response.Outcome.ERROR, "error_code": "agent_exception"}),
            (60 * 30, {"first_token_ms": 5000}),
        ]
    ):
        Response.objects.create(
            id=f"resp_p{n}",
            deployment=deployment,
            started_at=now - timedelta(minutes=minutes_ago),
            **{"outcome": Response.Outcome.COMPLETED, **fields},
        )
    Thread.objects.create(deployment=deployment, visitor="anon:a", created_at=now)
    EmbedOrigin.objects.create(
        deployment=deployment, origin="https://copycat.example", status="refused"
    )
    return deployment


def test_it_uses_the_url_names_the_deployment_admin_links_to(deployment):
    assert reverse("admin:chatkit_deployment_health", args=[deployment.pk]) == (
        f"/admin/chatkit/deployment/{deployment.pk}/health/"
    )
    assert (
        reverse("admin:chatkit_deployment_health_overview") == "/admin/chatkit/deployment/health/"
    )


@pytest.mark.parametrize(
    ("period", "messages", "p50", "p95"),
    [("hour", 3, 250, 900), ("day", 4, 400, 900), ("week", 5, 400, 5000)],
)
def test_it_shows_the_numbers_of_each_period(staff, traffic, period, messages, p50, p95):
    response = staff.get(f"/admin/chatkit/deployment/{traffic.pk}/health/?period={period}")
    assert response.status_code == 200
    report = response.context["report"]
    assert report.totals.messages == messages
    assert (report.totals.ttft_p50, report.totals.ttft_p95) == (p50, p95)
    html = response.content.decode()
    assert f'data-metric="messages">{messages}<' in html
    assert f'href="?period={period}" aria-current="page"' in html
    assert "https://copycat.example" in html
    assert "agent_exception" in html


def test_it_draws_its_charts_as_valid_chart_widgets(staff, traffic):
    response = staff.get(f"/admin/chatkit/deployment/{traffic.pk}/health/?period=day")
    charts = response.context["charts"]
    assert set(charts) == {"activity", "latency", "tokens", "errors"}
    for name, widget in charts.items():
        assert validate_widget(widget) == [], name
        assert widget["children"][0]["type"] == "Chart"
        assert len(widget["children"][0]["data"]) == 24
    embedded = response.content.decode().split('id="op-charts" type="application/json">')[1]
    assert json.loads(embedded.split("</script>")[0]) == charts
    activity = charts["activity"]["children"][0]["data"]
    assert sum(row["messages"] for row in activity) == 4
    assert sum(row["conversations"] for row in activity) == 1
    errors = charts["errors"]["children"][0]
    assert [series["label"] for series in errors["series"]] == ["agent_exception"]


def test_it_shows_no_error_chart_without_errors(staff, deployment):
    response = staff.get(f"/admin/chatkit/deployment/{deployment.pk}/health/")
    assert "errors" not in response.context["charts"]
    assert "No failed responses in this period." in response.content.decode()
    assert response.context["report"].totals.ttft_p50 is None


def test_it_lists_every_deployment_in_the_overview(staff, traffic, make_deployment):
    idle = make_deployment(name="Idle shop", is_active=False)
    response = staff.get("/admin/chatkit/deployment/health/?period=week")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'/admin/chatkit/deployment/{traffic.pk}/health/?period=week"' in html
    assert "Idle shop" in html and "disabled" in html
    assert [s.deployment for s in response.context["summaries"]] == [traffic, idle]


@pytest.mark.parametrize("period", ["month", "", "HOUR", "x" * 500])
def test_it_refuses_unknown_periods(staff, deployment, period):
    for path in (
        f"/admin/chatkit/deployment/{deployment.pk}/health/",
        "/admin/chatkit/deployment/health/",
    ):
        response = staff.get(path, {"period": period})
        assert response.status_code == 400
        assert "choose hour, day or week" in response.content.decode()


def test_it_answers_404_for_a_deployment_that_does_not_exist(staff, deployment):
    assert staff.get("/admin/chatkit/deployment/9999/health/").status_code == 404
