"""What ASGI does not say about a websocket: how far its client is behind, and a close
with code 1012 ("service restart").

Daphne never makes `send` wait, so a client that stops reading would make the server buffer
without bound; and its websocket library refuses to send 1012. Daphne hands the application
`partial(server.handle_reply, protocol)`: the protocol's Twisted transport knows how many
bytes wait to be written, and the protocol can send any close frame. Under servers whose
`send` waits for the socket (uvicorn, hypercorn) nothing is found here and `send` itself
holds a slow client back.
"""

from __future__ import annotations

import asyncio
import functools
import time
from typing import Any

from django.conf import settings

# Before sending more, wait until the client has read down to LOW_WATER bytes (for at most
# CHATKIT_STALLED_CLIENT_SECONDS), and never let more than HARD_LIMIT wait for it.
HIGH_WATER = 1 << 20
LOW_WATER = 256 << 10
HARD_LIMIT = 4 << 20

SERVICE_RESTART = 1012


class TooSlow(Exception):
    """The client read nothing for too long while the server had frames for it."""


class Transport:
    def __init__(self, send: Any) -> None:
        protocol = send.args[0] if isinstance(send, functools.partial) and send.args else None
        transport = getattr(protocol, "transport", None)
        known = all(hasattr(transport, name) for name in ("dataBuffer", "offset", "_tempDataLen"))
        self._protocol = protocol if hasattr(protocol, "sendCloseFrame") else None
        self._transport = transport if known else None

    def buffered(self) -> int:
        """Bytes sent to the client that it has not read yet (0 when the server won't say)."""
        t = self._transport
        if t is None:
            return 0
        return len(t.dataBuffer) - t.offset + t._tempDataLen

    def overflowing(self) -> bool:
        return self.buffered() > HARD_LIMIT

    async def room(self) -> None:
        """Wait until the client has read enough to be sent more (`TooSlow` if it won't)."""
        if self.buffered() <= HIGH_WATER:
            return
        deadline = time.monotonic() + settings.CHATKIT_STALLED_CLIENT_SECONDS
        while self.buffered() > LOW_WATER:
            if time.monotonic() > deadline:
                raise TooSlow
            await asyncio.sleep(0.05)

    def close_for_restart(self) -> bool:
        """Send close code 1012 directly, where ASGI's close cannot; False: use ASGI's."""
        if self._protocol is None:
            return False
        self._protocol.sendCloseFrame(code=SERVICE_RESTART, isReply=False)
        return True
