"""Service health pages: one deployment's dashboard and an overview of all deployments.

The numbers come from `chatkit.health`; the charts are Chart widgets built here and drawn
in the page by the widget renderer, the same one the chat and the studio use.

URL names (under the `admin` namespace):
- `chatkit_deployment_health` (deployment id): /admin/chatkit/deployment/<id>/health/
- `chatkit_deployment_health_overview`: /admin/chatkit/deployment/health/
Both take `?period=hour|day|week` (default: day).
"""

from __future__ import annotations

from typing import Any, Literal

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from pydantic import BaseModel, ValidationError

from chatkit import health
from chatkit.models import Deployment

ERROR_COLORS = ["red", "orange", "yellow", "pink", "purple", "blue", "green"]
CHART_HEIGHT = 200


class HealthQuery(BaseModel):
    period: Literal["hour", "day", "week"] = health.DEFAULT_PERIOD


class BadQuery(ValueError):
    pass


def parse_period(request: HttpRequest) -> health.Period:
    try:
        query = HealthQuery.model_validate({**request.GET.dict()})
    except ValidationError:
        raise BadQuery(
            f"Unknown period {request.GET.get('period', '')[:40]!r}: choose hour, day or week."
        ) from None
    return health.PERIODS[query.period]


# --- charts as widgets --------------------------------------------------------------------------


def _tick(report: health.Health, bucket: health.Bucket) -> str:
    return timezone.localtime(bucket.start).strftime(report.period.tick_format)


def _chart(rows: list[dict], series: list[dict], **props: Any) -> dict:
    chart = {
        "type": "Chart",
        "data": rows,
        "series": series,
        "xAxis": "time",
        "showYAxis": True,
        "showLegend": len(series) > 1,
        "height": CHART_HEIGHT,
        **props,
    }
    return {"type": "Basic", "children": [chart]}


def charts(report: health.Health) -> dict[str, dict]:
    """Chart widgets (ChatKit widget JSON) for the dashboard, keyed by the slot they fill."""
    ticks = [_tick(report, bucket) for bucket in report.buckets]
    activity = [
        {
            "time": tick,
            "messages": bucket.counts.messages,
            "conversations": bucket.counts.conversations,
        }
        for tick, bucket in zip(ticks, report.buckets, strict=True)
    ]
    # Buckets without answers leave a gap in the lines rather than a false zero.
    latency = [
        {"time": tick}
        | ({"p50": bucket.counts.ttft_p50} if bucket.counts.ttft_p50 is not None else {})
        | ({"p95": bucket.counts.ttft_p95} if bucket.counts.ttft_p95 is not None else {})
        for tick, bucket in zip(ticks, report.buckets, strict=True)
    ]
    tokens = [
        {"time": tick, "tokens": round(report.bucket_tokens_per_minute(bucket), 1)}
        for tick, bucket in zip(ticks, report.buckets, strict=True)
    ]
    result = {
        "activity": _chart(
            activity,
            [
                {"type": "bar", "label": "Messages", "dataKey": "messages", "color": "blue"},
                {
                    "type": "bar",
                    "label": "New conversations",
                    "dataKey": "conversations",
                    "color": "purple",
                },
            ],
        ),
        "latency": _chart(
            latency,
            [
                {"type": "line", "label": "p50 (ms)", "dataKey": "p50", "color": "blue"},
                {"type": "line", "label": "p95 (ms)", "dataKey": "p95", "color": "orange"},
            ],
        ),
        "tokens": _chart(
            tokens,
            [{"type": "area", "label": "Tokens per minute", "dataKey": "tokens", "color": "green"}],
        ),
    }
    codes = [error.code for error in report.errors_by_code]
    if codes:
        keys = {code: f"e{n}" for n, code in enumerate(codes)}
        errors = [
            {"time": tick}
            | {keys[code]: bucket.counts.errors_by_code.get(code, 0) for code in codes}
            for tick, bucket in zip(ticks, report.buckets, strict=True)
        ]
        result["errors"] = _chart(
            errors,
            [
                {
                    "type": "bar",
                    "label": code,
                    "dataKey": keys[code],
                    "stack": "errors",
                    "color": ERROR_COLORS[n % len(ERROR_COLORS)],
                }
                for n, code in enumerate(codes)
            ],
            showLegend=True,
        )
    return result


# --- views --------------------------------------------------------------------------------------


def _check(request: HttpRequest) -> None:
    if not request.user.has_perm("chatkit.view_deployment"):
        raise PermissionDenied


def _context(request: HttpRequest, title: str, period_name: str | None) -> dict[str, Any]:
    return {
        **admin.site.each_context(request),
        "opts": Deployment._meta,
        "title": title,
        "periods": [(p.name, p.label, p.name == period_name) for p in health.PERIODS.values()],
    }


def deployment_health_view(request: HttpRequest, deployment_id: int) -> HttpResponse:
    _check(request)
    deployment = get_object_or_404(Deployment, pk=deployment_id)
    title = f"Service health: {deployment.name}"
    try:
        period = parse_period(request)
    except BadQuery as e:
        context = _context(request, title, None) | {"deployment": deployment, "problem": str(e)}
        return TemplateResponse(
            request, "admin/chatkit/health/deployment.html", context, status=400
        )
    report = health.health(deployment, period)
    context = _context(request, title, period.name) | {
        "deployment": deployment,
        "report": report,
        "charts": charts(report),
        "transcripts_url": reverse("admin:chatkit_thread_changelist")
        + f"?deployment__id__exact={deployment.pk}",
        "overview_url": reverse("admin:chatkit_deployment_health_overview")
        + f"?period={period.name}",
    }
    return TemplateResponse(request, "admin/chatkit/health/deployment.html", context)


def overview_view(request: HttpRequest) -> HttpResponse:
    _check(request)
    title = "Service health"
    try:
        period = parse_period(request)
    except BadQuery as e:
        context = _context(request, title, None) | {"problem": str(e)}
        return TemplateResponse(request, "admin/chatkit/health/overview.html", context, status=400)
    summaries = health.overview(period)
    context = _context(request, title, period.name) | {
        "period": period,
        "summaries": summaries,
    }
    return TemplateResponse(request, "admin/chatkit/health/overview.html", context)


def health_urls() -> list[URLPattern]:
    view = admin.site.admin_view
    return [
        path(
            "chatkit/deployment/health/",
            view(overview_view),
            name="chatkit_deployment_health_overview",
        ),
        path(
            "chatkit/deployment/<int:deployment_id>/health/",
            view(deployment_health_view),
            name="chatkit_deployment_health",
        ),
    ]


# The pages live under the deployment's admin address, but the deployment admin is its own
# module: the site serves them ahead of its own URLs (whose catch-all would take them).
_site_urls = admin.site.get_urls
admin.site.get_urls = lambda: [*health_urls(), *_site_urls()]
