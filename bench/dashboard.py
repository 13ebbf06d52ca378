"""Query time of the health dashboard over 100k stored messages (median of 10 per period).

Runs on its own throwaway SQLite database: one deployment gets 100,000 responses (with
their threads and user/assistant items) spread over the last week, a second one some
traffic of its own. Baseline: a plain COUNT(*) of the same deployment's week of responses,
measured in the same run, so the ratio is comparable across machines.

    python -m bench.dashboard
"""

from __future__ import annotations

import json
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

MESSAGES = 100_000  # responses of kind "message" in the measured deployment
OTHER_KINDS = 0.1  # plus this share of actions, retries and tool outputs
OTHER_DEPLOYMENT_MESSAGES = 10_000
RESPONSES_PER_THREAD = 5
RUNS = 10


def configure(database: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "chatkit.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["DEBUG"] = "0"
    os.environ["SECRET_KEY"] = "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def insert(model, columns: list[str], rows: list[tuple]) -> None:
    """Plain executemany: the ORM's bulk_create would take most of a minute for this."""
    from django.db import connection

    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def populate(deployment, messages: int, since: datetime, now: datetime, rng: random.Random) -> None:
    """`messages` message responses (and a tenth as many others) between `since` and
    `now`, five per thread, each with a user message and an assistant answer, and outcomes
    and timings like a busy real chat."""
    from django.db import connection, transaction

    from chatkit.models import Response, Thread, ThreadItem

    at = connection.ops.adapt_datetimefield_value
    kinds = ["message"] * messages + rng.choices(
        ["action", "retry", "tool_output"], k=int(messages * OTHER_KINDS)
    )
    rng.shuffle(kinds)
    span = (now - since).total_seconds()
    moments = sorted(now - timedelta(seconds=rng.random() * span) for _ in kinds)
    threads, items, responses = [], [], []
    thread_id = ""
    for n, (kind, started) in enumerate(zip(kinds, moments, strict=True)):
        if n % RESPONSES_PER_THREAD == 0:
            thread_id = f"thr_{deployment.pk}_{n}"
            visitor = f"anon:{rng.randrange(messages // 3)}"
            status = json.dumps({"type": "active"})
            threads.append(
                (
                    thread_id,
                    deployment.pk,
                    visitor,
                    "",
                    "",
                    f"Question {n}",
                    status,
                    at(started),
                    at(started),
                    0,
                    "",
                )
            )
        for role, item_type, part in (
            ("u", "user_message", "input_text"),
            ("a", "assistant_message", "output_text"),
        ):
            item_id = f"msg_{deployment.pk}_{n}{role}"
            data = {
                "id": item_id,
                "thread_id": thread_id,
                "created_at": started.isoformat(),
                "type": item_type,
                "content": [{"type": part, "text": f"message {n} " * 8}],
            }
            items.append((item_id, thread_id, item_type, json.dumps(data), at(started), n, n, True))
        outcome, code, roll = "completed", "", rng.random()
        if roll < 0.02:
            outcome, code = (
                "error",
                rng.choice(["agent_error", "agent_exception", "invalid_widget"]),
            )
        elif roll < 0.04:
            outcome = "cancelled"
        elif roll < 0.05:
            outcome = "disconnected"
        first_token = None if outcome == "error" else int(rng.lognormvariate(6, 0.6))
        responses.append(
            (
                f"resp_{deployment.pk}_{n}",
                deployment.pk,
                thread_id,
                kind,
                at(started),
                first_token,
                int(rng.lognormvariate(8, 0.5)),
                rng.randrange(20, 400),
                outcome,
                code,
            )
        )
    with transaction.atomic():
        insert(
            Thread,
            [
                "id",
                "deployment_id",
                "visitor",
                "visitor_name",
                "visitor_email",
                "title",
                "status",
                "created_at",
                "updated_at",
                "last_seq",
                "running_response",
            ],
            threads,
        )
        insert(
            ThreadItem,
            ["id", "thread_id", "type", "data", "created_at", "position", "updated_seq", "is_done"],
            items,
        )
        insert(
            Response,
            [
                "id",
                "deployment_id",
                "thread_id",
                "kind",
                "started_at",
                "first_token_ms",
                "duration_ms",
                "output_tokens",
                "outcome",
                "error_code",
            ],
            responses,
        )


def median_ms(work: Callable[[], object]) -> float:
    work()  # warm the page cache and Django's query compilation
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def measure(deployment, now: datetime, baseline: float) -> None:
    from chatkit import health

    for name, period in health.PERIODS.items():
        messages = health.health(deployment, period, now).totals.messages
        elapsed = median_ms(lambda period=period: health.health(deployment, period, now))
        print(
            f"    {name:<5} {messages:>7,} messages   {elapsed:8.2f} ms"
            f"   x{elapsed / baseline:6.1f} of baseline"
        )
    for name, period in health.PERIODS.items():
        elapsed = median_ms(lambda period=period: health.overview(period, now))
        print(
            f"    {name:<5} overview, all deployments {elapsed:8.2f} ms"
            f"   x{elapsed / baseline:6.1f} of baseline"
        )


def drop_health_indexes() -> None:
    """Undo migration 0003 (its indexes only), to show what they are worth."""
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    migration = MigrationLoader(connection).get_migration("chatkit", "0003_health_indexes")
    with connection.schema_editor() as editor:
        for operation in migration.operations:
            model = apps_model(operation.model_name)
            editor.remove_index(model, operation.index)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def apps_model(name: str):
    from django.apps import apps

    return apps.get_model("chatkit", name)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        configure(Path(tmp) / "dashboard.sqlite3")
        from django.db import connection

        from chatkit import health
        from chatkit.models import Deployment, Response

        now = datetime.now(UTC)
        rng = random.Random(5)
        deployment = Deployment.objects.create(name="Bench")
        other = Deployment.objects.create(name="Other")
        started = time.perf_counter()
        # Within the week view's window, so it shows every one of them.
        since = health.PERIODS["week"].edges(now)[0]
        populate(deployment, MESSAGES, since, now, rng)
        populate(other, OTHER_DEPLOYMENT_MESSAGES, since, now, rng)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(
            f"health dashboard, {MESSAGES:,} messages in one deployment over a week "
            f"(+{OTHER_DEPLOYMENT_MESSAGES:,} elsewhere), SQLite, median of {RUNS} "
            f"(data set up in {time.perf_counter() - started:.0f} s)"
        )
        baseline = median_ms(
            lambda: Response.objects.filter(deployment=deployment, started_at__gte=since).count()
        )
        print(f"  baseline: COUNT(*) of the deployment's week of responses {baseline:.2f} ms")
        print("  with the health indexes:")
        measure(deployment, now, baseline)
        drop_health_indexes()
        print("  without them (for comparison):")
        measure(deployment, now, baseline)


if __name__ == "__main__":
    main()
