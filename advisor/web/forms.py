"""Reading a posted form: only what the pages send (URL-encoded UTF-8), and nothing that can
crash a handler. The body has passed the size limit already (limits.BodyLimit)."""

from __future__ import annotations

from urllib.parse import parse_qs

MAX_FIELDS = 100  # the longest form, the goals, has a dozen


class FormError(ValueError):
    """The body is not a form these pages send."""


class Form:
    """A posted form: field -> values."""

    def __init__(self, fields: dict[str, list[str]]):
        self.fields = fields

    def get(self, name: str, default: str | None = None) -> str | None:
        values = self.fields.get(name)
        return values[0] if values else default

    def all(self, name: str) -> list[str]:
        return list(self.fields.get(name, []))


async def read_form(request) -> Form:
    kind = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if kind not in ("application/x-www-form-urlencoded", ""):
        raise FormError(f"unexpected content type {kind[:60]!r}")
    body = await request.body()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise FormError("the form is not UTF-8") from None
    try:
        fields = parse_qs(text, keep_blank_values=True, max_num_fields=MAX_FIELDS, errors="strict")
    except (ValueError, UnicodeDecodeError):  # too many fields, or a %-escape that is not UTF-8
        raise FormError("the form cannot be read") from None
    return Form(fields)
