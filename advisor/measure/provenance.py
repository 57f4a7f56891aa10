"""The measured block: where the figures came from, and per figure how it was computed, in words a
manager can check against the export. Counts only: no name or hash of anyone is ever written."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ..i18n import number
from ..schema import (
    Measured,
    MeasuredDenominator,
    MeasuredFigure,
    MeasuredFigures,
    MeasuredFile,
    MeasuredPeople,
    MeasuredPeriod,
)
from .figures import Frequency, Share, rounded
from .formats import Format
from .tally import Counts
from .thresholds import BANDS, Thresholds
from .words import w


@dataclass(frozen=True)
class Period:
    days: int | None  # None: the export does not say
    start: datetime.date | None = None
    end: datetime.date | None = None
    daily: bool = False
    source: str = ""


@dataclass(frozen=True)
class Figures:
    active_share: Share
    active_frequency: Frequency
    passive_share: Share
    passive_frequency: Frequency
    liked_share: Share | None


def measured(
    *,
    fmt: Format,
    files: list[MeasuredFile],
    period: Period | None,
    data_date: datetime.date | None,
    counts: Counts,
    rows: int,
    bad_rows: int,
    employees: int | None,
    figures: Figures,
    limits: Thresholds,
    likes: bool,
    lang: str,
) -> Measured:
    daily = bool(period and period.daily)
    liked_figure = None
    if figures.liked_share is not None:
        key = "how.liked.likes" if likes else "how.liked"
        liked_figure = _share(figures.liked_share, key, _rule(fmt, fmt.liked, daily, lang), lang)
    return Measured(
        platform=fmt.platform,
        files=files,
        period=_period(period),
        data_date=data_date.isoformat() if data_date else None,
        people=MeasuredPeople(rows=rows, counted=counts.people, bad_rows=bad_rows, **counts.left_out),
        denominator=_denominator(fmt, counts, employees, lang),
        likes_count_as_active=likes,
        figures=MeasuredFigures(
            active_share=_share(
                figures.active_share, "how.active.likes" if likes else "how.active", _posted_rule(fmt, daily, likes, lang), lang
            ),
            active_frequency=_frequency(figures.active_frequency, fmt, period, "posts", likes, limits, lang),
            passive_share=(
                _share(figures.passive_share, "how.readers", _rule(fmt, fmt.read, daily, lang), lang)
                if fmt.read
                else MeasuredFigure(value="unknown", how=w(lang, f"how.no_reads.{fmt.platform}"))
            ),
            passive_frequency=_frequency(figures.passive_frequency, fmt, period, "reads", likes, limits, lang),
            liked_share=liked_figure,
        ),
        thresholds=dict(limits.values),
        notes=_notes(fmt, period, bad_rows, len(files), lang),
    )


def _period(period: Period | None) -> MeasuredPeriod | None:
    if period is None or period.days is None:
        return None
    return MeasuredPeriod(
        days=period.days,
        start=period.start.isoformat() if period.start else None,
        end=period.end.isoformat() if period.end else None,
        daily_files=period.daily,
        source=period.source,
    )


def _denominator(fmt: Format, counts: Counts, employees: int | None, lang: str) -> MeasuredDenominator:
    if employees is not None:
        note = w(lang, "denominator.employees", employees=employees, people=counts.people)
        return MeasuredDenominator(people=employees, source="employees", in_export=counts.people, employees=employees, note=note)
    note = w(lang, "denominator.export", people=counts.people, who=who(fmt, lang))
    return MeasuredDenominator(people=counts.people, source="export", in_export=counts.people, note=note)


def who(fmt: Format, lang: str) -> str:
    """Who the export counts as a person, in words."""
    if fmt.id == "columns-csv":
        return w(lang, "who.columns.user" if fmt.user else "who.columns")
    return w(lang, f"who.{fmt.platform}")


def _posted_rule(fmt: Format, daily: bool, likes: bool, lang: str) -> str:
    """The test a person passes to count as active, as the export names its columns."""
    rule = " + ".join(fmt.posted) + " > 0"
    if likes and fmt.liked:
        rule += f" or {fmt.liked} > 0"
    rule = _on_days(rule, daily, lang)
    if fmt.platform == "viva-engage":  # Microsoft: Posted Count counts replies too
        rule += "; " + w(lang, "rule.replies")
    return rule


def _rule(fmt: Format, column: str | None, daily: bool, lang: str) -> str:
    rule = column if column == "is_active" else f"{column} > 0"  # Slack's is_active is a flag, not a count
    return _on_days(rule or "", daily, lang)


def _on_days(rule: str, daily: bool, lang: str) -> str:
    return f"{rule} {w(lang, 'rule.any_day')}" if daily else rule


def _share(share: Share, key: str, rule: str, lang: str) -> MeasuredFigure:
    how = w(lang, key, people=share.people, of=share.of, rule=rule, percent=_percent(share.value, lang))
    return MeasuredFigure(value=share.value, people=share.people, of=share.of, how=how)


def _percent(value: int | float | str, lang: str) -> str:
    
    return f"{number(lang, value)}%" if not isinstance(value, str) else w(lang, value)


def _frequency(
    frequency: Frequency, fmt: Format, period: Period | None, what: str, likes: bool, limits: Thresholds, lang: str
) -> MeasuredFigure:
    daily = bool(period and period.daily)
    basis = "days_active" if daily else "messages"
    median = rounded(frequency.median)
    if frequency.why_unknown == "not_measurable" or (what == "reads" and not fmt.read):
        return MeasuredFigure(value="unknown", how=w(lang, f"how.no_reads.{fmt.platform}"))
    if frequency.why_unknown == "nobody":
        return MeasuredFigure(value="unknown", how=w(lang, "how.nobody_posted" if what == "posts" else "how.nobody_read"))
    if frequency.why_unknown == "no_period":
        return MeasuredFigure(value="unknown", median=median, basis=basis, how=w(lang, "how.no_period", median=frequency.median))
    suffix = ".likes" if what == "posts" and likes else ""
    values = dict(
        median=frequency.median,
        who=w(lang, "who.active" if what == "posts" else "who.reader"),
        days=period.days if period else 0,
        rate=frequency.per_30_days,
        band=w(lang, frequency.value),
        thresholds=w(lang, "thresholds", **{band: limits.values[name] for band, name in BANDS}),
    )
    if daily:
        what_key = f"what.{what}{suffix}" + (".slack" if what == "reads" and fmt.read == "is_active" else "")
        how = w(lang, "how.days", what=w(lang, what_key), **values)
    else:
        how = w(lang, "how.messages", unit=w(lang, f"unit.{what}{suffix}"), **values)
    return MeasuredFigure(
        value=frequency.value, median=median, per_30_days=rounded(frequency.per_30_days), basis=basis, how=how
    )


def _notes(fmt: Format, period: Period | None, bad_rows: int, files: int, lang: str) -> list[str]:
    notes = [w(lang, "note.heuristics"), w(lang, "note.purposes")]
    daily = bool(period and period.daily)
    if not daily:
        notes.append(w(lang, "note.messages"))
    if fmt.period and period and not daily:
        notes.append(w(lang, "note.period", days=period.days))
    if fmt.period and daily:
        notes.append(w(lang, "note.daily"))
    if daily and period and period.start and period.end:
        missing = (period.end - period.start).days + 1 - (period.days or 0)
        if missing > 0:
            notes.append(
                w(lang, "note.missing_days", missing=missing, start=period.start.isoformat(), end=period.end.isoformat(), days=period.days)
            )
    if fmt.id == "viva-engage-json":
        notes.append(w(lang, "note.graph_json"))
    if fmt.platform == "teams":
        notes.append(w(lang, "note.teams"))
    if fmt.platform == "slack":
        notes += [w(lang, "note.slack"), w(lang, "note.guests")]
    if files > 1 and not daily:
        notes.append(w(lang, "note.parts", count=files))
    if bad_rows:
        notes.append(w(lang, "note.bad_rows", count=bad_rows))
    return notes
