"""Health numbers are exact counts and percentiles of the stored rows, per time bucket,
per deployment and overall."""

import math
import random
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from chatkit import health
from chatkit.models import EmbedOrigin, LiveConnection, Response, Thread

NOW = datetime(2026, 11, 27, 14, 7, 33, tzinfo=UTC)
DAY = health.PERIODS["day"]


def nearest_rank(values: list[int], percent: int) -> int:
    ordered = sorted(values)
    return ordered[math.ceil(percent / 100 * len(ordered)) - 1]


def respond(deployment, at, n=[0], **fields) -> Response:  # noqa: B006 - a running counter
    n[0] += 1
    return Response.objects.create(
        id=f"resp_h{n[0]}",
        deployment=deployment,
        started_at=at,
        **{"outcome": Response.Outcome.COMPLETED, "first_token_ms": 300, **fields},
    )


def test_it_puts_bucket_edges_on_whole_intervals():
    edges = DAY.edges(NOW)
    assert len(edges) == 25
    assert edges[-1] == datetime(2026, 11, 27, 15, 0, tzinfo=UTC)
    assert edges[0] == edges[-1] - timedelta(days=1)
    hour = health.PERIODS["hour"].edges(NOW)
    assert (hour[0], hour[-1]) == (
        datetime(2026, 11, 27, 13, 10, tzinfo=UTC),
        datetime(2026, 11, 27, 14, 10, tzinfo=UTC),
    )
    week = health.PERIODS["week"].edges(NOW)
    assert len(week) == 29 and week[-1] == datetime(2026, 11, 27, 18, 0, tzinfo=UTC)


def test_it_counts_conversations_messages_tokens_and_errors_per_bucket(deployment, make_deployment):
    other = make_deployment(name="Other")
    this_hour = datetime(2026, 11, 27, 14, 1, tzinfo=UTC)
    earlier = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
    respond(deployment, this_hour, output_tokens=100)
    respond(deployment, this_hour, kind=Response.Kind.ACTION, output_tokens=20)
    respond(
        deployment,
        this_hour,
        outcome=Response.Outcome.ERROR,
        error_code="agent_error",
        first_token_ms=None,
    )
    respond(deployment, earlier, output_tokens=50, outcome=Response.Outcome.CANCELLED)
    respond(deployment, earlier, outcome=Response.Outcome.ERROR, error_code="")
    respond(deployment, NOW - timedelta(days=2), output_tokens=999)  # before the period
    respond(other, this_hour, output_tokens=777)  # another deployment
    for at in (this_hour, earlier, earlier):
        Thread.objects.create(deployment=deployment, visitor="anon:a", created_at=at)
    Thread.objects.create(deployment=other, visitor="anon:a", created_at=this_hour)

    report = health.health(deployment, DAY, now=NOW)

    totals = report.totals
    assert (totals.conversations, totals.messages, totals.responses) == (3, 4, 5)
    assert totals.output_tokens == 170
    assert totals.errors == 2 and totals.error_rate == pytest.approx(0.4)
    assert totals.errors_by_code == {"agent_error": 1, "unknown": 1}
    assert totals.outcomes == {"completed": 2, "error": 2, "cancelled": 1}
    assert [(e.code, e.count) for e in report.errors_by_code] == [
        ("agent_error", 1),
        ("unknown", 1),
    ]
    minutes = (NOW - report.start).total_seconds() / 60
    assert report.tokens_per_minute == pytest.approx(170 / minutes)
    by_start = {bucket.start: bucket.counts for bucket in report.buckets}
    current = by_start[datetime(2026, 11, 27, 14, 0, tzinfo=UTC)]
    assert (current.messages, current.responses, current.conversations) == (2, 3, 1)
    assert current.errors_by_code == {"agent_error": 1}
    nine = by_start[datetime(2026, 11, 27, 9, 0, tzinfo=UTC)]
    assert (nine.messages, nine.conversations, nine.errors) == (2, 2, 1)
    assert sum(bucket.counts.responses for bucket in report.buckets) == totals.responses
    # The current bucket has run for 7.5 minutes, not an hour.
    assert report.bucket_tokens_per_minute(report.buckets[-1]) == pytest.approx(120 / 7.55)

    everyone = health.health(None, DAY, now=NOW)
    assert everyone.totals.output_tokens == 170 + 777
    assert everyone.totals.conversations == 4


def test_it_picks_exact_nearest_rank_percentiles(deployment):
    rng = random.Random(4)
    hours = {
        h: [rng.randrange(50, 5000) for _ in range(rng.choice([1, 2, 3, 19, 20, 101]))]
        for h in range(0, 14, 3)
    }
    hours[13] = [700, 700, 700, 100]  # ties
    for hour, values in hours.items():
        at = datetime(2026, 11, 27, hour, 15, tzinfo=UTC)
        for value in values:
            respond(deployment, at, first_token_ms=value)
        respond(deployment, at, first_token_ms=None)  # never counted

    report = health.health(deployment, DAY, now=NOW)

    by_start = {
        bucket.start.hour: bucket.counts for bucket in report.buckets if bucket.start.day == 27
    }
    for hour, values in hours.items():
        counts = by_start[hour]
        assert counts.ttft_p50 == nearest_rank(values, 50), hour
        assert counts.ttft_p95 == nearest_rank(values, 95), hour
    everything = [value for values in hours.values() for value in values]
    assert report.totals.ttft_p50 == nearest_rank(everything, 50)
    assert report.totals.ttft_p95 == nearest_rank(everything, 95)
    assert by_start[14].ttft_p50 is None and by_start[14].ttft_p95 is None


def test_it_counts_live_connections_and_sites_refused_in_the_period(deployment, make_deployment):
    other = make_deployment(name="Other")
    LiveConnection.objects.create(channel_name="a", deployment=deployment, visitor="anon:a")
    LiveConnection.objects.create(channel_name="b", deployment=other, visitor="anon:b")
    stale = LiveConnection.objects.create(channel_name="c", deployment=deployment, visitor="anon:c")
    LiveConnection.objects.filter(pk=stale.pk).update(last_seen=timezone.now() - timedelta(hours=1))
    recent = EmbedOrigin.objects.create(
        deployment=deployment, origin="https://evil.example", status="refused", last_seen=NOW
    )
    EmbedOrigin.objects.create(
        deployment=deployment,
        origin="https://long-ago.example",
        status="refused",
        last_seen=NOW - timedelta(days=3),
    )
    EmbedOrigin.objects.create(
        deployment=deployment, origin="https://shop.example", status="allowed", last_seen=NOW
    )

    report = health.health(deployment, DAY, now=NOW)

    assert report.active_connections == 1
    assert report.refused_origins == [recent]
    assert health.health(None, DAY, now=NOW).active_connections == 2


def test_it_summarises_every_deployment_busiest_first(deployment, make_deployment):
    quiet = make_deployment(name="Quiet")
    busy = make_deployment(name="Busy")
    at = datetime(2026, 11, 27, 13, 0, tzinfo=UTC)
    for value in (100, 200, 300):
        respond(busy, at, first_token_ms=value, output_tokens=10)
    respond(busy, at, outcome=Response.Outcome.ERROR, error_code="internal", first_token_ms=None)
    respond(deployment, at, first_token_ms=900)
    Thread.objects.create(deployment=busy, visitor="anon:a", created_at=at)
    EmbedOrigin.objects.create(
        deployment=quiet, origin="https://evil.example", status="refused", last_seen=NOW
    )

    summaries = health.overview(DAY, now=NOW)

    assert [s.deployment for s in summaries] == [busy, deployment, quiet]
    first = summaries[0]
    assert (first.counts.responses, first.counts.messages, first.counts.conversations) == (4, 4, 1)
    assert (first.counts.ttft_p50, first.counts.ttft_p95) == (200, 300)
    assert first.counts.errors_by_code == {"internal": 1}
    assert first.tokens_per_minute > 0
    assert summaries[1].counts.ttft_p50 == 900
    assert summaries[2].refused_origins == 1 and summaries[2].counts.responses == 0
