"""A measurement as a short table a manager can check at a glance, or as an answers document
(YAML or JSON) to save, add goals to, and give to `advisor advise --answers`."""

from __future__ import annotations

from ..i18n import number
from .figures import Frequency, Share
from .formats import PLATFORMS
from .measurement import Measurement
from .provenance import who
from .thresholds import BANDS
from .words import w

FORMATS = ("text", "yaml", "json")


def render(measurement: Measurement, fmt: str, lang: str) -> str:
    if fmt == "json":
        from ..render.json import dumps

        return dumps(measurement.document())
    if fmt == "yaml":
        import yaml

        body = yaml.safe_dump(measurement.document(), sort_keys=False, allow_unicode=True, width=100)
        return w(lang, "yaml_header") + body
    return text(measurement, lang)


def text(measurement: Measurement, lang: str) -> str:
    measured = measurement.provenance
    rows = [(w(lang, "figure"), w(lang, "value"), w(lang, "based_on"))] + _figure_rows(measurement, lang)
    widths = [max(len(row[i]) for row in rows) for i in range(2)]
    platform = PLATFORMS.get(measured.platform, measured.platform)
    lines = [f"{w(lang, 'title', platform=platform)} · {_period(measurement, lang)}", ""]
    lines += [f"  {a:<{widths[0]}}  {b:<{widths[1]}}  {c}".rstrip() for a, b, c in rows]
    people = measured.people
    left = [
        w(lang, f"left.{name}", count=getattr(people, name))
        for name in ("deleted", "suspended", "guests", "bad_rows")
        if getattr(people, name)
    ]
    counted = w(lang, "counted", people=people.counted, who=who(measurement.format, lang) if measurement.format else "")
    lines += ["", counted + ("; " + w(lang, "left_out", parts=", ".join(left)) if left else "")]
    lines.append(w(lang, "denominator", note=measured.denominator.note))
    if measured.data_date:
        lines.append(w(lang, "data_date", date=measured.data_date))
    files = [
        w(lang, "file.day", name=f.name, day=f.day, rows=f.rows) if f.day else w(lang, "file", name=f.name, rows=f.rows)
        for f in measured.files
    ]
    lines.append(w(lang, "files", files=", ".join(files)))
    lines += ["", w(lang, "footer.thresholds", **{band: measured.thresholds.get(name, "?") for band, name in BANDS})]
    lines += [w(lang, "note.purposes"), w(lang, "footer.more"), w(lang, "next")]
    return "\n".join(lines) + "\n"


def _figure_rows(measurement: Measurement, lang: str) -> list[tuple[str, str, str]]:
    """(label, value, what it is based on) for each figure."""
    figures = measurement.figures
    if figures is None:
        return []
    likes = ".likes" if measurement.provenance.likes_count_as_active else ""
    rows = [
        (f"active_share{likes}", figures.active_share.value, _short_share(figures.active_share, lang)),
        (f"active_frequency{likes}", figures.active_frequency.value, _short_frequency(figures.active_frequency, measurement, lang)),
        ("passive_share", figures.passive_share.value, _short_share(figures.passive_share, lang)),
        ("passive_frequency", figures.passive_frequency.value, _short_frequency(figures.passive_frequency, measurement, lang)),
    ]
    if figures.liked_share is not None:
        rows.append((f"liked_share{likes}", figures.liked_share.value, _short_share(figures.liked_share, lang)))
    return [(w(lang, f"label.{label}"), _value(value, lang), based) for label, value, based in rows]


def _value(value: int | float | str, lang: str) -> str:
    if isinstance(value, str):
        return w(lang, value)
    return f"{number(lang, value)}%"


def _short_share(share: Share, lang: str) -> str:
    if share.people is None:
        return w(lang, "short.not_measurable")
    return w(lang, "short.share", people=share.people, of=share.of)


def _short_frequency(frequency: Frequency, measurement: Measurement, lang: str) -> str:
    if frequency.why_unknown == "not_measurable":
        return w(lang, "short.not_measurable")
    if frequency.why_unknown == "nobody":
        return w(lang, "short.nobody")
    if frequency.why_unknown == "no_period":
        return w(lang, "short.no_period")
    period = measurement.provenance.period
    key = "short.days" if period and period.daily_files else "short.messages"
    if key == "short.messages" and period and period.days == 30:
        key = "short.messages.30"
    return w(lang, key, median=frequency.median, days=period.days if period else 0, rate=frequency.per_30_days)


def _period(measurement: Measurement, lang: str) -> str:
    period = measurement.provenance.period
    if period is None:
        return w(lang, "period.unknown")
    if period.daily_files:
        return w(lang, "period.daily", days=period.days, start=period.start, end=period.end)
    if period.end:
        return w(lang, "period.report", days=period.days, end=period.end)
    return w(lang, "period.days", days=period.days)
