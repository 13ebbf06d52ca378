"""Rate limits, counted in the cache so every server process shares them (Redis in production).

A sliding-window counter: the current minute's count plus the previous minute's, weighted
by how much of it still falls inside the last 60 seconds. Two cache keys per limit, no
per-request lists, and no burst of 2x the limit at a window boundary.
"""

from __future__ import annotations

import math
import time

from django.core.cache import cache

WINDOW = 60


class Limited(Exception):
    def __init__(self, scope: str, retry_after: int) -> None:
        super().__init__(f"rate limited ({scope}); retry in {retry_after} s")
        self.scope = scope
        self.retry_after = retry_after


def hit(scope: str, key: str, limit: int, now: float | None = None) -> None:
    """Count one event for `key`; raise Limited (counting nothing) when over `limit` a minute."""
    now = time.time() if now is None else now
    window = int(now // WINDOW)
    current_key = f"rl:{scope}:{key}:{window}"
    previous_key = f"rl:{scope}:{key}:{window - 1}"
    counts = cache.get_many([current_key, previous_key])
    elapsed = now - window * WINDOW
    weight = (WINDOW - elapsed) / WINDOW
    estimate = counts.get(current_key, 0) + counts.get(previous_key, 0) * weight
    if estimate + 1 > limit:
        raise Limited(
            scope,
            _retry_after(counts.get(current_key, 0), counts.get(previous_key, 0), limit, elapsed),
        )
    if not cache.add(current_key, 1, timeout=2 * WINDOW + 5):
        try:
            cache.incr(current_key)
        except ValueError:
            # The key expired between add and incr: start the window again.
            cache.set(current_key, 1, timeout=2 * WINDOW + 5)


def _retry_after(current: int, previous: int, limit: int, elapsed: float) -> int:
    """Seconds until one more event fits: the previous window's weight must shrink enough."""
    if current + 1 > limit or previous == 0:
        return max(1, math.ceil(WINDOW - elapsed))
    # current + previous * (WINDOW - t) / WINDOW + 1 <= limit  →  solve for t.
    needed = WINDOW - (limit - 1 - current) * WINDOW / previous
    return max(1, math.ceil(needed - elapsed))
