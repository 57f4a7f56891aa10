"""The words of `advisor measure` (the table, how each figure was computed, warnings and errors):
the messages under ``measure.`` in the catalogs (advisor/i18n/locale/)."""

from __future__ import annotations

from fractions import Fraction

from ..i18n import number, t, tn


def w(lang: str, key: str, /, **values: object) -> str:
    """A word or sentence of `advisor measure`, numbers written the language's way; one that
    counts something (a `count` value) in the form the language uses for that number."""
    shown = {
        name: number(lang, float(value) if isinstance(value, Fraction) else value) if isinstance(value, (int, float, Fraction)) and not isinstance(value, bool) else value
        for name, value in values.items()
    }
    count = values.get("count")
    if isinstance(count, int) and not isinstance(count, bool):
        return tn(lang, "measure." + key, count, **shown)
    return t(lang, "measure." + key, **shown)
