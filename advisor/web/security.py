"""Tokens, CSRF and security headers: participants are strangers on a shared network.

- The presenter's token is random (``secrets``), compared in constant time, and never part of
  the join address. Once presented in the presenter address it moves into a cookie and the page
  redirects, so it stays out of the address bar on the projector.
- A device token (a random cookie) identifies a phone, so it can change its own answer; the
  workshop file keeps only its SHA-256.
- Every state-changing form carries a CSRF token: an HMAC, under a key made at start-up, of the
  device token (participants) or of the presenter token (presenter).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

DEVICE_COOKIE = "advisor_device"
LANG_COOKIE = "advisor_lang"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")  # secrets.token_urlsafe(32)

# No script, style, image or connection from anywhere but this server; no framing; forms post
# only here. Bars are SVG attributes, so no inline style is needed either.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
PAGE_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]


def new_token() -> str:
    return secrets.token_urlsafe(32)


def is_token(value: str | None) -> bool:
    return bool(value) and _TOKEN.match(value) is not None


def same(given: str | None, expected: str) -> bool:
    """Constant-time comparison (no early exit that would tell how much of a token was right)."""
    if given is None:
        return False
    return hmac.compare_digest(given.encode("utf-8", "surrogateescape"), expected.encode("utf-8"))


def device_hash(token: str) -> str:
    """What the workshop file keeps of a device token."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()


class Keys:
    """The secrets of one running server: the presenter token and the CSRF key."""

    def __init__(self, presenter_token: str | None = None):
        self.presenter_token = presenter_token or new_token()
        self._csrf_key = secrets.token_bytes(32)
        # the cookie's name carries a digest of the token: two servers on one laptop (cookies
        # are shared across ports) keep their presenter cookies apart
        self.presenter_cookie = "advisor_presenter_" + hashlib.sha256(self.presenter_token.encode()).hexdigest()[:10]

    def is_presenter(self, cookies: dict[str, str]) -> bool:
        return same(cookies.get(self.presenter_cookie), self.presenter_token)

    def _csrf(self, subject: str) -> str:
        return hmac.new(self._csrf_key, subject.encode("utf-8"), hashlib.sha256).hexdigest()

    def participant_csrf(self, device: str) -> str:
        return self._csrf("participant:" + device)

    def check_participant_csrf(self, device: str, given: str | None) -> bool:
        return same(given, self.participant_csrf(device))

    def presenter_csrf(self) -> str:
        return self._csrf("presenter:" + self.presenter_token)

    def check_presenter_csrf(self, given: str | None) -> bool:
        return same(given, self.presenter_csrf())


class SecurityHeaders:
    """Adds PAGE_HEADERS to every HTTP response of the app it wraps (pure ASGI: streams pass)."""

    def __init__(self, app, headers: list[tuple[bytes, bytes]] = PAGE_HEADERS):
        self.app = app
        self.headers = headers

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(name, value) for name, value in self.headers if name not in present]
                message = {**message, "headers": list(message.get("headers", [])) + extra}
            await send(message)

        await self.app(scope, receive, with_headers)
