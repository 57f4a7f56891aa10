"""Measured usage in a report: that the figures were measured, from which export, over which
period and of whom, beside the correlation caveat; and where the answers and the export differ."""

from __future__ import annotations

from ..i18n import number, percent, t, tn
from ..schema import Advice, Measured, MeasuredDifference
from ..schema.measured import PLATFORM_NAMES
from ..schema.shares import band_of
from ..vocabulary import UNKNOWN, answer_label, level_label


def measured_lines(advice: Advice) -> list[str]:
    """The lines a report adds to its caveats for advice on measured usage (none for estimated usage)."""
    measured = advice.measured
    if measured is None:
        return []
    lang = advice.lang
    line = t(lang, "measured.line", platform=platform_name(measured), period=period_text(measured, lang), of=of_text(measured, lang))
    return [line] + [difference_line(difference, lang) for difference in measured.differences or []]


def platform_name(measured: Measured) -> str:
    return PLATFORM_NAMES.get(measured.platform, measured.platform)


def period_text(measured: Measured, lang: str) -> str:
    period = measured.period
    if period is None:
        return t(lang, "measured.period.unknown")
    days = number(lang, period.days)
    if period.daily_files:
        return t(lang, "measured.period.daily", days=days, start=period.start, end=period.end)
    if period.end:
        return t(lang, "measured.period.report", days=days, end=period.end)
    return t(lang, "measured.period.days", days=days)


def of_text(measured: Measured, lang: str) -> str:
    """Whom the shares are of: the people in the export, or the head count given."""
    denominator = measured.denominator
    people = number(lang, denominator.people)
    if denominator.source == "employees":
        return tn(lang, "measured.of.employees", denominator.people, people=people, in_export=number(lang, denominator.in_export))
    return tn(lang, "measured.of.export", denominator.people, people=people)


def value_text(value: int | float | str, lang: str) -> str:
    """An answer's value in words: 12.5% (12,5% in Dutch), a band as 25-50%, weekly (wekelijks)."""
    return percent(lang, value) if isinstance(value, (int, float)) or band_of(value) else level_label(lang, value)


def difference_line(difference: MeasuredDifference, lang: str) -> str:
    values = {
        "answer": answer_label(lang, difference.answer),
        "answered": value_text(difference.answered, lang),
        "measured": value_text(difference.measured, lang),
    }
    if difference.used == "measured":
        return t(lang, "measured.replaced", **values)
    if difference.measured == UNKNOWN:
        return t(lang, "measured.not_measured", **values)
    return t(lang, "measured.corrected", **values)
