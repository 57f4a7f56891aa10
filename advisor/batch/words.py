"""The words of batch runs (progress, summary, HTML pages): the messages under ``batch.`` in the
catalogs (advisor/i18n/locale/)."""

from __future__ import annotations

from ..i18n import number, t, tn


def w(lang: str, key: str, n: int | None = None, **values: object) -> str:
    """A batch word or message, whole numbers written the language's way; a message about `n`
    things in the form the language uses for n."""
    shown = {name: number(lang, value) if isinstance(value, int) and not isinstance(value, bool) else value
             for name, value in values.items()}
    key = "batch." + key
    return tn(lang, key, n, **shown) if n is not None else t(lang, key, **shown)
