"""The health page in Chromium: every chart is an SVG drawn by the widget renderer, and the
period switch redraws them for the new period."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from chatkit.models import Response, Thread
from tests.admin.conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def busy_deployment(transactional_db, make_deployment):
    deployment = make_deployment(name="Busy shop")
    now = timezone.now()
    for n in range(30):
        Response.objects.create(
            id=f"resp_b{n}",
            deployment=deployment,
            started_at=now - timedelta(minutes=7 * n),
            first_token_ms=200 + 10 * n,
            output_tokens=50,
            outcome=Response.Outcome.ERROR if n % 10 == 0 else Response.Outcome.COMPLETED,
            error_code="agent_error" if n % 10 == 0 else "",
        )
        Thread.objects.create(
            deployment=deployment, visitor=f"anon:{n}", created_at=now - timedelta(minutes=7 * n)
        )
    return deployment


@pytest.fixture
def operator_page(transactional_db, live_server, page):
    get_user_model().objects.create_user(
        "operator", password=PASSWORD, is_staff=True, is_superuser=True
    )
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("operator")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    return page


def test_it_draws_every_chart_as_svg_and_switches_periods(
    operator_page, live_server, busy_deployment
):
    page = operator_page
    page.goto(f"{live_server.url}/admin/chatkit/deployment/{busy_deployment.pk}/health/")
    for name in ("activity", "latency", "tokens", "errors"):
        chart = page.locator(f"[data-chart={name}] [data-component=Chart]")
        expect(chart.locator("svg[role=img]")).to_be_visible()
    activity = page.locator("[data-chart=activity] svg[role=img]")
    expect(activity).to_have_attribute(
        "aria-label", re.compile(r"^bar chart of Messages, New conversations over 24 categories")
    )
    assert page.locator("[data-chart=activity] .ck-chart-bar").count() > 0
    assert page.locator("[data-chart=latency] .ck-chart-line").count() > 0
    expect(page.locator("[data-chart=errors] .ck-chart-legend")).to_have_text("agent_error")
    expect(page.locator("[data-metric=messages]")).to_have_text("30")

    page.get_by_role("link", name="Last hour").click()
    expect(page.get_by_role("link", name="Last hour")).to_have_attribute("aria-current", "page")
    expect(activity).to_have_attribute("aria-label", re.compile("over 12 categories"))
    assert page.locator("[data-metric=messages]").inner_text() in {"8", "9"}
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert not page.js_errors
