"""Query time of the health dashboard over 100k stored messages (median of 10 per period).

Runs on its own throwaway SQLite database: one deployment gets 100,000 responses (with
their threads and user/assistant items) spread over the last week, a second one some
traffic of its own. Baseline: a plain COUNT(*) of the same deployment's week of responses,
measured in the same run, so the ratio is comparable across machines.

    python -m bench.dashboard
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

MESSAGES = 100_000
OTHER_MESSAGES = 10_000
RESPONSES_PER_THREAD = 5
RUNS = 10
BATCH = 5_000


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


def populate(deployment, count: int, now: datetime, rng: random.Random) -> None:
    """`count` responses over the week before `now`, five per thread, each with a user
    message and an assistant answer, outcomes and timings like a busy real chat."""
    from chatkit.models import Response, Thread, ThreadItem

    week = timedelta(days=7).total_seconds()
    moments = sorted(now - timedelta(seconds=rng.random() * week) for _ in range(count))
    threads, items, responses = [], [], []
    thread = None
    for n, started in enumerate(moments):
        if n % RESPONSES_PER_THREAD == 0:
            visitor = f"anon:{rng.randrange(count // 3)}"
            thread = Thread(
                id=f"thr_{deployment.pk}_{n}",
                deployment=deployment,
                visitor=visitor,
                title=f"Question {n}",
                created_at=started,
                updated_at=started,
            )
            threads.append(thread)
        for role, kind in (("u", "user_message"), ("a", "assistant_message")):
            item_id = f"msg_{deployment.pk}_{n}{role}"
            part = "input_text" if role == "u" else "output_text"
            data = {
                "id": item_id,
                "thread_id": thread.id,
                "created_at": started.isoformat(),
                "type": kind,
                "content": [{"type": part, "text": f"message {n} " * 8}],
            }
            items.append(
                ThreadItem(
                    id=item_id, thread=thread, type=kind, data=data, created_at=started, position=n
                )
            )
        outcome, code = "completed", ""
        roll = rng.random()
        if roll < 0.02:
            outcome, code = (
                "error",
                rng.choice(["agent_error", "agent_exception", "invalid_widget"]),
            )
        elif roll < 0.04:
            outcome = "cancelled"
        elif roll < 0.05:
            outcome = "disconnected"
        responses.append(
            Response(
                id=f"resp_{deployment.pk}_{n}",
                deployment=deployment,
                thread=thread,
                kind=rng.choices(["message", "action", "retry"], [0.9, 0.07, 0.03])[0],
                started_at=started,
                first_token_ms=None if outcome == "error" else int(rng.lognormvariate(6, 0.6)),
                duration_ms=int(rng.lognormvariate(8, 0.5)),
                output_tokens=rng.randrange(20, 400),
                outcome=outcome,
                error_code=code,
            )
        )
    Thread.objects.bulk_create(threads, batch_size=BATCH)
    ThreadItem.objects.bulk_create(items, batch_size=BATCH)
    Response.objects.bulk_create(responses, batch_size=BATCH)


def median_ms(work: Callable[[], object]) -> float:
    work()  # warm the page cache and Django's query compilation
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


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
        populate(deployment, MESSAGES, now, rng)
        populate(other, OTHER_MESSAGES, now, rng)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(
            f"health dashboard over {MESSAGES:,} messages in one deployment (+{OTHER_MESSAGES:,} "
            f"elsewhere), SQLite, median of {RUNS} (set up in {time.perf_counter() - started:.0f} s):"
        )
        week_start = now - timedelta(days=7)
        baseline = median_ms(
            lambda: Response.objects.filter(
                deployment=deployment, started_at__gte=week_start
            ).count()
        )
        print(f"  baseline: COUNT(*) of the week's responses {baseline:8.2f} ms")
        for name, period in health.PERIODS.items():
            report = health.health(deployment, period, now)
            elapsed = median_ms(lambda period=period: health.health(deployment, period, now))
            print(
                f"  {name:<5} {report.totals.messages:>7,} messages  {elapsed:8.2f} ms"
                f"   x{elapsed / baseline:5.1f} of baseline"
            )
        for name, period in health.PERIODS.items():
            elapsed = median_ms(lambda period=period: health.overview(period, now))
            print(
                f"  overview of all deployments, {name:<5}      {elapsed:8.2f} ms"
                f"   x{elapsed / baseline:5.1f} of baseline"
            )


if __name__ == "__main__":
    main()
