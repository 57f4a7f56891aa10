"""Limits on what one request or one device can do: the size of a request body, and how often
a device may send answers."""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Callable

WORKSHOP_MAX_BODY = 64 * 1024  # a form with every answer takes well under 2 KB


class BodyLimit:
    """Refuses a request body over the limit with 413, before the app sees any of it.

    The body is read up to the limit (a declared Content-Length over it is refused unread) and
    handed to the app whole; limit_for(path) gives the limit of each route, refuse(scope, limit)
    the response."""

    def __init__(self, app, limit_for: Callable[[str], int], refuse: Callable[[dict, int], object]):
        self.app = app
        self.limit_for = limit_for
        self.refuse = refuse

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = self.limit_for(scope["path"])
        declared = _content_length(scope)
        if declared == -1:
            from starlette.responses import PlainTextResponse

            return await PlainTextResponse("invalid Content-Length", status_code=400)(scope, receive, send)
        if declared is not None and declared > limit:
            return await self.refuse(scope, limit)(scope, receive, send)
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                return await self.refuse(scope, limit)(scope, receive, send)
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        delivered = False

        async def replay():
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: the disconnect, for streaming responses

        await self.app(scope, replay, send)


def _content_length(scope) -> int | None:
    """The declared length; None when not declared; -1 when it is not a number."""
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                length = int(value)
            except ValueError:
                return -1
            return length if length >= 0 else -1
    return None


class RateLimit:
    """A token bucket per key: `burst` actions at once, then one every `every` seconds."""

    def __init__(self, burst: int, every: float, *, clock: Callable[[], float] = time.monotonic, keys: int = 10_000):
        self.burst = burst
        self.every = every
        self.clock = clock
        self.keys = keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> (tokens, when)

    def wait(self, key: str) -> float:
        """0 when the action may go ahead (and it is counted), else the seconds to wait."""
        now = self.clock()
        tokens, when = self._buckets.pop(key, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - when) / self.every)
        if tokens >= 1:
            self._buckets[key] = (tokens - 1, now)
            wait = 0.0
        else:
            self._buckets[key] = (tokens, now)
            wait = (1 - tokens) * self.every
        while len(self._buckets) > self.keys:  # the least recently seen go first
            self._buckets.popitem(last=False)
        return wait

