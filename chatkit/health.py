"""Service health from stored rows: conversations, messages, time to first token, tokens,
errors, live connections and refused embedding sites, for one deployment or all of them.

Every number is computed by the database from the rows themselves; nothing is sampled or
estimated. What keeps it fast with a hundred thousand responses in a week:

- per-bucket counts are one UNION ALL of plain aggregates over index ranges (`started_at`
  between two bucket edges): grouping by a computed bucket would sort every row first;
- per-bucket percentiles are exact nearest-rank values picked with ORDER BY ... LIMIT 1
  OFFSET k, sorted from the nearer end (p95 descending), so the database's top-k sort
  holds a few rows instead of all of them; again one UNION ALL for every bucket;
- the period's own p50/p95 come from one histogram of the (whole millisecond) values;
- a covering index (deployment, started_at, outcome, kind, output_tokens, first_token_ms,
  error_code) answers all of it without reading the table.

The two per-bucket statements are written as SQL: built through the ORM, compiling one
query per bucket costs more than the database spends answering them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from typing import Any

from django.db import connection
from django.db.models import Case, Count, IntegerField, QuerySet, Value, When
from django.utils import timezone

from chatkit.models import Deployment, EmbedOrigin, LiveConnection, Response, Thread
from chatkit.observed import LIVE_TIMEOUT, live_connections

MAX_REFUSED_ORIGINS = 50


@dataclass(frozen=True)
class Period:
    name: str
    label: str
    span: timedelta
    bucket: timedelta
    tick_format: str

    @property
    def bucket_count(self) -> int:
        return int(self.span / self.bucket)

    def edges(self, now: datetime) -> list[datetime]:
        """Bucket edges, oldest first: the last bucket holds `now`, and edges fall on whole
        bucket multiples so the chart reads 14:05 or 06:00 rather than 14:07:33."""
        size = int(self.bucket.total_seconds())
        end = datetime.fromtimestamp((int(now.timestamp()) // size + 1) * size, tz=UTC)
        start = end - self.span
        return [start + self.bucket * i for i in range(self.bucket_count + 1)]


PERIODS: dict[str, Period] = {
    period.name: period
    for period in (
        Period("hour", "Last hour", timedelta(hours=1), timedelta(minutes=5), "%H:%M"),
        Period("day", "Last 24 hours", timedelta(days=1), timedelta(hours=1), "%H:%M"),
        Period("week", "Last 7 days", timedelta(days=7), timedelta(hours=6), "%a %H:%M"),
    )
}
DEFAULT_PERIOD = "day"


def nearest_rank(percentile: int, count: int) -> int:
    """The 1-based rank of the nearest-rank percentile among `count` sorted values."""
    return max(1, (count * percentile + 99) // 100)


@dataclass
class Counts:
    """What happened in one bucket, one deployment or a whole period."""

    conversations: int = 0
    messages: int = 0
    responses: int = 0
    errors: int = 0
    output_tokens: int = 0
    timed: int = 0  # how many have a time to first token
    outcomes: dict[str, int] = field(default_factory=dict)
    errors_by_code: dict[str, int] = field(default_factory=dict)
    ttft_p50: int | None = None
    ttft_p95: int | None = None

    @property
    def error_rate(self) -> float | None:
        return self.errors / self.responses if self.responses else None

    @property
    def error_percent(self) -> float | None:
        return None if self.error_rate is None else self.error_rate * 100

    def add(self, other: Counts) -> None:
        """Add another bucket's counts (percentiles do not add up; they are not touched)."""
        self.conversations += other.conversations
        self.messages += other.messages
        self.responses += other.responses
        self.errors += other.errors
        self.output_tokens += other.output_tokens
        self.timed += other.timed
        for outcome, n in other.outcomes.items():
            self.outcomes[outcome] = self.outcomes.get(outcome, 0) + n
        for code, n in other.errors_by_code.items():
            self.errors_by_code[code] = self.errors_by_code.get(code, 0) + n


@dataclass
class Bucket:
    start: datetime
    end: datetime
    counts: Counts


@dataclass
class ErrorCount:
    code: str
    count: int
    rate: float

    @property
    def percent(self) -> float:
        return self.rate * 100


@dataclass
class Health:
    deployment: Deployment | None
    period: Period
    now: datetime
    totals: Counts
    buckets: list[Bucket]
    active_connections: int
    refused_origins: list[EmbedOrigin]

    @property
    def start(self) -> datetime:
        return self.buckets[0].start

    @property
    def tokens_per_minute(self) -> float:
        return self.totals.output_tokens / elapsed_minutes(self.start, self.now)

    @property
    def errors_by_code(self) -> list[ErrorCount]:
        ranked = sorted(self.totals.errors_by_code.items(), key=lambda kv: (-kv[1], kv[0]))
        return [ErrorCount(code, n, n / self.totals.responses) for code, n in ranked]

    def bucket_tokens_per_minute(self, bucket: Bucket) -> float:
        # The current bucket has only been running since its start.
        end = min(bucket.end, self.now)
        return bucket.counts.output_tokens / elapsed_minutes(bucket.start, end)


@dataclass
class DeploymentSummary:
    deployment: Deployment
    counts: Counts
    active_connections: int
    refused_origins: int
    tokens_per_minute: float


def elapsed_minutes(start: datetime, end: datetime) -> float:
    return max((end - start).total_seconds() / 60, 1 / 60)


# --- queries ------------------------------------------------------------------------------


def _column(model, name: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(name).column)


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _response_totals_sql() -> str:
    """The aggregates of a set of responses, only from columns of the covering index."""
    kind, outcome = _column(Response, "kind"), _column(Response, "outcome")
    tokens, ttft = _column(Response, "output_tokens"), _column(Response, "first_token_ms")
    outcomes = ", ".join(
        f"SUM(CASE WHEN {outcome} = '{value}' THEN 1 ELSE 0 END)"
        for value in Response.Outcome.values
    )
    return (
        f"COUNT(*), SUM(CASE WHEN {kind} = '{Response.Kind.MESSAGE}' THEN 1 ELSE 0 END), "
        f"SUM({tokens}), COUNT({ttft}), {outcomes}"
    )


def _counts_of(row: tuple) -> Counts:
    responses, messages, tokens, timed, *by_outcome = row
    outcomes = {
        outcome: n for outcome, n in zip(Response.Outcome.values, by_outcome, strict=True) if n
    }
    return Counts(
        messages=messages or 0,
        responses=responses,
        errors=outcomes.get(Response.Outcome.ERROR, 0),
        output_tokens=tokens or 0,
        timed=timed,
        outcomes=outcomes,
    )


def _scope_sql(model, deployment: Deployment | None) -> tuple[str, list[Any]]:
    if deployment is None:
        return "", []
    return f"{_column(model, 'deployment')} = %s AND ", [deployment.pk]


def _run(parts: list[str], params: list[Any]) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return cursor.fetchall()


def _per_bucket(
    model, column: str, select: str, deployment: Deployment | None, edges: list[datetime]
) -> list[tuple]:
    """`SELECT <bucket index>, <select>` over each bucket's index range, in one statement."""
    scope, scope_params = _scope_sql(model, deployment)
    column = _column(model, column)
    parts, params = [], []
    for index, (lo, hi) in enumerate(pairwise(edges)):
        parts.append(
            f"SELECT {index}, {select} FROM {_table(model)} "
            f"WHERE {scope}{column} >= %s AND {column} < %s"
        )
        params += [*scope_params, _adapt(lo), _adapt(hi)]
    return _run(parts, params)


def _bucket_percentiles(deployment: Deployment | None, buckets: list[Bucket]) -> None:
    """Exact p50 and p95 time to first token of every bucket, in one statement."""
    scope, scope_params = _scope_sql(Response, deployment)
    started, ttft = _column(Response, "started_at"), _column(Response, "first_token_ms")
    parts, params = [], []
    for index, bucket in enumerate(buckets):
        for percent in (50, 95):
            if not bucket.counts.timed:
                continue
            direction, offset = sort_for(percent, bucket.counts.timed)
            parts.append(
                f"SELECT {index}, {percent}, v FROM (SELECT {ttft} AS v FROM {_table(Response)} "
                f"WHERE {scope}{started} >= %s AND {started} < %s AND {ttft} IS NOT NULL "
                f"ORDER BY {ttft} {direction} LIMIT 1 OFFSET {offset}) AS p{len(parts)}"
            )
            params += [*scope_params, _adapt(bucket.start), _adapt(bucket.end)]
    for index, percent, value in _run(parts, params) if parts else []:
        if percent == 50:
            buckets[index].counts.ttft_p50 = value
        else:
            buckets[index].counts.ttft_p95 = value


def _adapt(moment: datetime) -> Any:
    return connection.ops.adapt_datetimefield_value(moment)


def sort_for(percent: int, count: int) -> tuple[str, int]:
    """Sort direction and offset that reach the nearest-rank `percent` of `count` values
    from the nearer end, so a top-k sort keeps as few rows as possible."""
    rank = nearest_rank(percent, count)
    if rank > (count + 1) // 2:
        return "DESC", count - rank
    return "ASC", rank - 1


def _bucket_of(column: str, edges: list[datetime], lo: int, hi: int) -> Case | Value:
    """The bucket index of `column` as a balanced CASE over the edges (log2 comparisons)."""
    if hi - lo == 1:
        return Value(lo, output_field=IntegerField())
    mid = (lo + hi) // 2
    return Case(
        When(**{f"{column}__lt": edges[mid]}, then=_bucket_of(column, edges, lo, mid)),
        default=_bucket_of(column, edges, mid, hi),
        output_field=IntegerField(),
    )


def ttft_histograms(responses: QuerySet, key: str | None = None) -> dict[Any, Counter[int]]:
    """How many responses took each whole number of milliseconds to their first token (per
    `key`, or all under None): one grouping pass, from which p50 and p95 both follow."""
    keys = [key] if key else []
    rows = (
        responses.exclude(first_token_ms=None)
        .values_list(*keys, "first_token_ms")
        .annotate(n=Count("*"))
        .order_by()
    )
    histograms: dict[Any, Counter[int]] = defaultdict(Counter)
    for row in rows:
        histograms[row[0] if key else None][row[-2]] += row[-1]
    return histograms


def percentiles(histogram: Counter[int]) -> tuple[int | None, int | None]:
    """Exact nearest-rank p50 and p95 of a histogram of values."""
    count = histogram.total()
    if not count:
        return None, None
    wanted = [nearest_rank(50, count), nearest_rank(95, count)]
    found: list[int] = []
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        while len(found) < len(wanted) and wanted[len(found)] <= seen:
            found.append(value)
    return found[0], found[1]


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
    edges = period.edges(now)
    scope = _scope(deployment)
    responses = Response.objects.filter(**scope)

    buckets = [Bucket(lo, hi, Counts()) for lo, hi in pairwise(edges)]
    for index, *row in _per_bucket(
        Response, "started_at", _response_totals_sql(), deployment, edges
    ):
        buckets[index].counts = _counts_of(row)
    for index, conversations in _per_bucket(Thread, "created_at", "COUNT(*)", deployment, edges):
        buckets[index].counts.conversations = conversations
    window = responses.filter(started_at__gte=edges[0], started_at__lt=edges[-1])
    bucket_of = _bucket_of("started_at", edges, 0, len(buckets))
    errors = (
        window.filter(outcome=Response.Outcome.ERROR)
        .annotate(bucket=bucket_of)
        .values_list("bucket", "error_code")
        .annotate(n=Count("*"))
        .order_by()
    )
    for index, code, n in errors:
        by_code = buckets[index].counts.errors_by_code
        by_code[code or "unknown"] = by_code.get(code or "unknown", 0) + n

    totals = Counts()
    for bucket in buckets:
        totals.add(bucket.counts)
    _bucket_percentiles(deployment, buckets)
    totals.ttft_p50, totals.ttft_p95 = percentiles(ttft_histograms(window)[None])

    refused = EmbedOrigin.objects.filter(
        **scope, status=EmbedOrigin.Status.REFUSED, last_seen__gte=edges[0]
    ).select_related("deployment")[:MAX_REFUSED_ORIGINS]
    return Health(
        deployment=deployment,
        period=period,
        now=now,
        totals=totals,
        buckets=buckets,
        active_connections=live_connection_count(deployment),
        refused_origins=list(refused),
    )


def overview(period: Period, now: datetime | None = None) -> list[DeploymentSummary]:
    """Each deployment's headline numbers over `period`, busiest first."""
    now = now or timezone.now()
    edges = period.edges(now)
    start, end = edges[0], edges[-1]
    responses = Response.objects.filter(started_at__gte=start, started_at__lt=end)
    by_deployment: dict[int, Counts] = defaultdict(Counts)
    deployment_id, started = _column(Response, "deployment"), _column(Response, "started_at")
    totals = _run(
        [
            f"SELECT {deployment_id}, {_response_totals_sql()} FROM {_table(Response)} "
            f"WHERE {started} >= %s AND {started} < %s GROUP BY {deployment_id}"
        ],
        [_adapt(start), _adapt(end)],
    )
    for pk, *row in totals:
        by_deployment[pk] = _counts_of(row)
    errors = (
        responses.filter(outcome=Response.Outcome.ERROR)
        .values_list("deployment_id", "error_code")
        .annotate(n=Count("*"))
        .order_by()
    )
    for deployment_id, code, n in errors:
        by_code = by_deployment[deployment_id].errors_by_code
        by_code[code or "unknown"] = by_code.get(code or "unknown", 0) + n
    conversations = (
        Thread.objects.filter(created_at__gte=start, created_at__lt=end)
        .values_list("deployment_id")
        .annotate(n=Count("*"))
        .order_by()
    )
    for deployment_id, n in conversations:
        by_deployment[deployment_id].conversations = n
    for deployment_id, histogram in ttft_histograms(responses, "deployment_id").items():
        counts = by_deployment[deployment_id]
        counts.ttft_p50, counts.ttft_p95 = percentiles(histogram)

    cutoff = timezone.now() - timedelta(seconds=LIVE_TIMEOUT)
    live = dict(
        LiveConnection.objects.filter(last_seen__gte=cutoff)
        .values_list("deployment_id")
        .annotate(n=Count("*"))
        .order_by()
    )
    refused = dict(
        EmbedOrigin.objects.filter(status=EmbedOrigin.Status.REFUSED, last_seen__gte=start)
        .values_list("deployment_id")
        .annotate(n=Count("*"))
        .order_by()
    )
    minutes = elapsed_minutes(start, now)
    summaries = [
        DeploymentSummary(
            deployment=deployment,
            counts=by_deployment.get(deployment.pk) or Counts(),
            active_connections=live.get(deployment.pk, 0),
            refused_origins=refused.get(deployment.pk, 0),
            tokens_per_minute=(by_deployment.get(deployment.pk) or Counts()).output_tokens
            / minutes,
        )
        for deployment in Deployment.objects.all()
    ]
    summaries.sort(key=lambda s: (-s.counts.responses, s.deployment.name.lower()))
    return summaries
