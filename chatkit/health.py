"""Service health from stored rows: conversations, messages, time to first token, tokens,
errors, live connections and refused embedding sites, for one deployment or all of them.

Every number is computed by the database from the rows themselves (no sampling, no
estimates): counts and sums grouped by time bucket in one pass over the period's
responses, and exact nearest-rank percentiles picked by window functions, so only a few
dozen rows ever reach Python however many responses the period holds.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import NotSupportedError
from django.db.models import Count, Expression, F, Func, IntegerField, Q, QuerySet, Sum, Value
from django.db.models.functions import RowNumber
from django.db.models.expressions import Window
from django.utils import timezone

from chatkit.models import Deployment, EmbedOrigin, LiveConnection, Response, Thread
from chatkit.observed import LIVE_TIMEOUT, live_connections

MAX_REFUSED_ORIGINS = 50
PERCENTILES = (50, 95)


@dataclass(frozen=True)
class Period:
    name: str
    label: str
    span: timedelta
    bucket: timedelta
    tick_format: str

    @property
    def buckets(self) -> int:
        return int(self.span / self.bucket)

    def window(self, now: datetime) -> tuple[datetime, datetime]:
        """[start, end) covering `now`, with bucket edges on whole bucket multiples so the
        chart's ticks read 14:05 or 06:00 rather than 14:07:33."""
        size = int(self.bucket.total_seconds())
        end_epoch = (int(now.timestamp()) // size + 1) * size
        end = datetime.fromtimestamp(end_epoch, tz=UTC)
        return end - self.span, end


PERIODS: dict[str, Period] = {
    period.name: period
    for period in (
        Period("hour", "Last hour", timedelta(hours=1), timedelta(minutes=5), "%H:%M"),
        Period("day", "Last 24 hours", timedelta(days=1), timedelta(hours=1), "%H:%M"),
        Period("week", "Last 7 days", timedelta(days=7), timedelta(hours=6), "%a %H:%M"),
    )
}
DEFAULT_PERIOD = "day"


class TimeBucket(Func):
    """Which `size`-long bucket after `start` a datetime column falls in (0, 1, 2, ...).

    Written per database because Django's Trunc cannot bucket by 5 minutes or 6 hours, and
    on SQLite it calls back into Python once per row.
    """

    output_field = IntegerField()

    def __init__(self, expression: str | Expression, start: datetime, size: timedelta) -> None:
        super().__init__(expression)
        self.start_epoch = int(start.timestamp())
        self.size = int(size.total_seconds())

    def _compile(self, compiler, template: str) -> tuple[str, list[Any]]:
        sql, params = compiler.compile(self.source_expressions[0])
        return template.format(column=sql), [*params, self.start_epoch, self.size]

    def as_sqlite(self, compiler, connection, **extra):
        # `%%` survives Django's parameter formatting as a single `%`.
        return self._compile(
            compiler, "((CAST(strftime('%%s', {column}) AS INTEGER) - %s) / %s)"
        )

    def as_postgresql(self, compiler, connection, **extra):
        return self._compile(
            compiler, "CAST(FLOOR((EXTRACT(EPOCH FROM {column}) - %s) / %s) AS INTEGER)"
        )

    def as_mysql(self, compiler, connection, **extra):
        return self._compile(compiler, "FLOOR((UNIX_TIMESTAMP({column}) - %s) / %s)")

    def as_sql(self, compiler, connection, **extra):
        raise NotSupportedError(
            f"The health dashboard supports SQLite, PostgreSQL and MySQL, not {connection.vendor}."
        )


def nearest_rank(percentile: int, count: int) -> int:
    """The 1-based rank of the nearest-rank percentile among `count` sorted values."""
    return (count * percentile + 99) // 100


# --- what the page shows ------------------------------------------------------------------


@dataclass
class Counts:
    """Response and conversation counts of one bucket, one deployment or a whole period."""

    conversations: int = 0
    messages: int = 0
    responses: int = 0
    errors: int = 0
    output_tokens: int = 0
    errors_by_code: dict[str, int] = field(default_factory=dict)
    outcomes: dict[str, int] = field(default_factory=dict)
    ttft_p50: int | None = None
    ttft_p95: int | None = None

    @property
    def error_rate(self) -> float | None:
        return self.errors / self.responses if self.responses else None


@dataclass
class Bucket:
    start: datetime
    counts: Counts


@dataclass
class ErrorCount:
    code: str
    count: int
    rate: float


@dataclass
class Health:
    period: Period
    start: datetime
    now: datetime
    totals: Counts
    buckets: list[Bucket]
    active_connections: int
    refused_origins: list[EmbedOrigin]

    @property
    def minutes(self) -> float:
        return max((self.now - self.start).total_seconds() / 60, 1 / 60)

    @property
    def tokens_per_minute(self) -> float:
        return self.totals.output_tokens / self.minutes

    @property
    def errors_by_code(self) -> list[ErrorCount]:
        responses = self.totals.responses
        return [
            ErrorCount(code, count, count / responses)
            for code, count in sorted(self.totals.errors_by_code.items(), key=lambda kv: -kv[1])
        ]

    def bucket_minutes(self, index: int) -> float:
        """Elapsed minutes of a bucket: the current one has only run since its start."""
        bucket = self.buckets[index]
        end = min(bucket.start + self.period.bucket, self.now)
        return max((end - bucket.start).total_seconds() / 60, 1 / 60)


@dataclass
class DeploymentSummary:
    deployment: Deployment
    counts: Counts
    active_connections: int
    refused_origins: int
    minutes: float

    @property
    def tokens_per_minute(self) -> float:
        return self.counts.output_tokens / self.minutes


# --- queries ----------------------------------------------------------------------------------


def _count_responses(responses: QuerySet, key: Expression, into: dict[Any, Counts]) -> None:
    """One grouped pass over the responses: counts by kind, outcome and error code."""
    rows = (
        responses.annotate(key=key)
        .values("key", "kind", "outcome", "error_code")
        .annotate(n=Count("*"), tokens=Sum("output_tokens"))
        .order_by()
    )
    for row in rows:
        counts = into[row["key"]]
        counts.responses += row["n"]
        counts.output_tokens += row["tokens"] or 0
        counts.outcomes[row["outcome"]] = counts.outcomes.get(row["outcome"], 0) + row["n"]
        if row["kind"] == Response.Kind.MESSAGE:
            counts.messages += row["n"]
        if row["outcome"] == Response.Outcome.ERROR:
            code = row["error_code"] or "unknown"
            counts.errors += row["n"]
            counts.errors_by_code[code] = counts.errors_by_code.get(code, 0) + row["n"]


def _first_token_percentiles(
    responses: QuerySet, key: Expression | None, into: dict[Any, Counts]
) -> None:
    """Exact p50/p95 time to first token per key (or overall when key is None).

    The database ranks the values within each group and returns only the rows at the
    percentile ranks, instead of every value.
    """
    partition = [key] if key is not None else None
    ranked = responses.exclude(first_token_ms=None).annotate(
        key=key if key is not None else Value(0, output_field=IntegerField()),
        rank=Window(RowNumber(), partition_by=partition, order_by=F("first_token_ms").asc()),
        total=Window(Count("*"), partition_by=partition),
    )
    wanted = Q()
    for percentile in PERCENTILES:
        wanted |= Q(rank=(F("total") * percentile + 99) / 100)
    for group, rank, total, value in ranked.filter(wanted).values_list(
        "key", "rank", "total", "first_token_ms"
    ):
        counts = into[group]
        if rank == nearest_rank(50, total):
            counts.ttft_p50 = value
        if rank == nearest_rank(95, total):
            counts.ttft_p95 = value


def _count_conversations(threads: QuerySet, key: Expression, into: dict[Any, Counts]) -> None:
    for group, n in (
        threads.annotate(key=key).values("key").annotate(n=Count("*")).order_by().values_list(
            "key", "n"
        )
    ):
        into[group].conversations += n


def _scope(deployment: Deployment | None) -> dict[str, Any]:
    return {"deployment": deployment} if deployment is not None else {}


def live_connection_count(deployment: Deployment | None) -> int:
    if deployment is not None:
        return live_connections(deployment.pk)
    cutoff = timezone.now() - timedelta(seconds=LIVE_TIMEOUT)
    return LiveConnection.objects.filter(last_seen__gte=cutoff).count()


def health(deployment: Deployment | None, period: Period, now: datetime | None = None) -> Health:
    """The health of one deployment (or of all, when `deployment` is None) over `period`."""
    now = now or timezone.now()
    start, end = period.window(now)
    scope = _scope(deployment)
    responses = Response.objects.filter(**scope, started_at__gte=start, started_at__lt=end)
    threads = Thread.objects.filter(**scope, created_at__gte=start, created_at__lt=end)
    bucket_of = TimeBucket("started_at", start, period.bucket)

    by_bucket: dict[int, Counts] = defaultdict(Counts)
    _count_responses(responses, bucket_of, by_bucket)
    _first_token_percentiles(responses, bucket_of, by_bucket)
    _count_conversations(threads, TimeBucket("created_at", start, period.bucket), by_bucket)
    overall: dict[int, Counts] = defaultdict(Counts)
    _first_token_percentiles(responses, None, overall)

    totals = Counts(ttft_p50=overall[0].ttft_p50, ttft_p95=overall[0].ttft_p95)
    for counts in by_bucket.values():
        totals.conversations += counts.conversations
        totals.messages += counts.messages
        totals.responses += counts.responses
        totals.errors += counts.errors
        totals.output_tokens += counts.output_tokens
        for code, n in counts.errors_by_code.items():
            totals.errors_by_code[code] = totals.errors_by_code.get(code, 0) + n
        for outcome, n in counts.outcomes.items():
            totals.outcomes[outcome] = totals.outcomes.get(outcome, 0) + n

    refused = EmbedOrigin.objects.filter(
        **scope, status=EmbedOrigin.Status.REFUSED, last_seen__gte=start
    ).select_related("deployment")[:MAX_REFUSED_ORIGINS]
    return Health(
        period=period,
        start=start,
        now=now,
        totals=totals,
        buckets=[
            Bucket(start + period.bucket * i, by_bucket.get(i) or Counts())
            for i in range(period.buckets)
        ],
        active_connections=live_connection_count(deployment),
        refused_origins=list(refused),
    )


def overview(period: Period, now: datetime | None = None) -> list[DeploymentSummary]:
    """Each deployment's headline numbers over `period`, busiest first."""
    now = now or timezone.now()
    start, end = period.window(now)
    responses = Response.objects.filter(started_at__gte=start, started_at__lt=end)
    threads = Thread.objects.filter(created_at__gte=start, created_at__lt=end)
    by_deployment: dict[int, Counts] = defaultdict(Counts)
    per_deployment = F("deployment_id")
    _count_responses(responses, per_deployment, by_deployment)
    _first_token_percentiles(responses, per_deployment, by_deployment)
    _count_conversations(threads, per_deployment, by_deployment)

    cutoff = timezone.now() - timedelta(seconds=LIVE_TIMEOUT)
    live = dict(
        LiveConnection.objects.filter(last_seen__gte=cutoff)
        .values("deployment_id")
        .annotate(n=Count("*"))
        .order_by()
        .values_list("deployment_id", "n")
    )
    refused = dict(
        EmbedOrigin.objects.filter(status=EmbedOrigin.Status.REFUSED, last_seen__gte=start)
        .values("deployment_id")
        .annotate(n=Count("*"))
        .order_by()
        .values_list("deployment_id", "n")
    )
    minutes = max((now - start).total_seconds() / 60, 1 / 60)
    summaries = [
        DeploymentSummary(
            deployment=deployment,
            counts=by_deployment.get(deployment.pk) or Counts(),
            active_connections=live.get(deployment.pk, 0),
            refused_origins=refused.get(deployment.pk, 0),
            minutes=minutes,
        )
        for deployment in Deployment.objects.all()
    ]
    summaries.sort(key=lambda s: (-s.counts.responses, s.deployment.name.lower()))
    return summaries
