"""A graceful SIGTERM, for Daphne and for Channels workers alike.

On SIGTERM the process runs its shutdown steps (web sockets are closed with 1012 so clients
reconnect at once, elsewhere; running answers get a grace period to finish, and the rest are
handed over), then hands the signal to whoever handled it before: Twisted's handler stops
Daphne, and a worker, which had none, exits as SIGTERM's default would have it.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import threading
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

Step = Callable[[], Awaitable[None]]

_steps: list[Step] = []
_installed_for: asyncio.AbstractEventLoop | None = None
in_progress = False


def on_shutdown(step: Step) -> None:
    """Run `step` on SIGTERM, after the steps registered before it."""
    if step not in _steps:
        _steps.append(step)


def install() -> None:
    """Take over SIGTERM for the running event loop (only possible in the main thread)."""
    global _installed_for
    loop = asyncio.get_running_loop()
    if _installed_for is loop or threading.current_thread() is not threading.main_thread():
        return
    _installed_for = loop
    previous = signal.getsignal(signal.SIGTERM)
    if getattr(previous, "_chatkit", False):
        previous = previous._previous

    def handle(signum: int, frame: object) -> None:
        if loop.is_closed():
            _pass_on(previous, signum)
            return
        loop.call_soon_threadsafe(lambda: loop.create_task(_shut_down(previous, signum)))

    handle._chatkit = True  # type: ignore[attr-defined]
    handle._previous = previous  # type: ignore[attr-defined]
    signal.signal(signal.SIGTERM, handle)


async def _shut_down(previous: object, signum: int) -> None:
    global in_progress
    if in_progress:
        return
    in_progress = True
    log.info("SIGTERM: closing connections and finishing running answers")
    for step in _steps:
        try:
            await step()
        except Exception:
            log.exception("a shutdown step failed")
    _pass_on(previous, signum)


def _pass_on(previous: object, signum: int) -> None:
    signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)
    if callable(previous):
        previous(signum, None)
    elif previous != signal.SIG_IGN:
        os.kill(os.getpid(), signum)
