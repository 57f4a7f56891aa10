"""measure_exports: read one or more usage exports, and return the measured usage (in the answers
format) with its provenance. The one owner of a measurement: it recognises every file first,
refuses what cannot be measured together, reads the rows one at a time, and decides on bad rows."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable

from ..errors import AdvisorError, Problem
from ..schema import Measured, MeasuredFile, Usage
from .figures import UNKNOWN, Frequency, Share, frequency, share
from .formats import PLATFORMS, Format, columns_format, parse_columns, recognise
from .provenance import Figures, Period, measured
from .rows import BadRow, RowReader
from .sources import Source, open_source
from .tally import Counts, DailyTally, PeriodTally, PersonTally
from .thresholds import thresholds
from .words import w

MAX_BAD_PERCENT = 5  # more unreadable rows than this share, and nothing is measured
SHOWN_BAD_ROWS = 10  # unreadable rows reported one by one; the rest are counted
_DAY_IN_NAME = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_PLATFORM_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")


@dataclass
class Measurement:
    usage: dict[str, Any]  # the answers' usage block: active_share, active_frequency, passive_share, passive_frequency
    provenance: Measured  # the measured block
    warnings: list[Problem] = field(default_factory=list)  # unreadable rows left out, in the user's language
    employees: int | None = None  # the head count given, if any
    figures: Figures | None = field(default=None, repr=False)  # the numbers behind the figures, for the text table
    format: Format | None = field(default=None, repr=False)  # the format of the exports

    def document(self) -> dict[str, Any]:
        """An answers document without goals: usage, the organisation's size if given, and measured."""
        data: dict[str, Any] = {"usage": dict(self.usage)}
        if self.employees is not None:
            data["organisation"] = {"employees": self.employees}
        data["measured"] = self.provenance.model_dump(mode="json", exclude_none=True)
        return data


def measure_exports(
    paths: Iterable[str | Path] | str | Path,
    *,
    platform: str | None = None,
    employees: int | None = None,
    columns: str | dict[str, str | int] | None = None,
    likes_count_as_active: bool = False,
    knowledge=None,
    lang: str = "en",
) -> Measurement:
    """Measure usage from exports; an AdvisorError (exit 2 at the command line) for what cannot be.

    ``columns`` reads any per-person CSV: "posted=COL,read=COL[,liked=COL,user=COL,days=N]" (or
    that as a dict). ``platform`` overrides recognition (viva-engage, teams, slack), or names the
    platform of a --columns CSV. ``employees`` is the head count to divide by."""
    paths = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]
    if not paths:
        raise AdvisorError(w(lang, "error.no_files"))
    if isinstance(columns, dict):  # the same checks as the command line's text
        columns = ",".join(f"{key}={value}" for key, value in columns.items())
    spec = parse_columns(columns, lang) if columns is not None else None
    _check_platform(platform, spec, lang)
    if employees is not None and (type(employees) is not int or employees < 1):
        raise AdvisorError(Problem(source="", field="--employees", message=w(lang, "error.head_count", value=repr(employees))))
    if knowledge is None:
        from ..knowledge.load import shipped_knowledge

        knowledge = shipped_knowledge()
    limits = thresholds(knowledge)

    formats = [_recognise(path, spec, platform, lang) for path in paths]  # every file, before reading any
    _check_together(paths, formats, lang)
    likes_count_as_active = likes_count_as_active and formats[0].liked is not None  # Teams counts no likes
    reading = _Reading(likes_count_as_active, lang)
    for path, fmt in zip(paths, formats):
        reading.read(path, fmt)
    warnings = reading.judge_bad_rows()
    counts = _counted(reading, employees, lang)

    fmt = formats[0]
    period = reading.period(counts.days)
    figures = _figures(counts, fmt, employees or counts.people, period.days if period else None, limits)
    usage = Usage(
        active_share=figures.active_share.value,
        active_frequency=figures.active_frequency.value,
        passive_share=figures.passive_share.value,
        passive_frequency=figures.passive_frequency.value,
    ).model_dump(mode="json")
    provenance = measured(
        fmt=fmt,
        files=reading.files,
        period=period,
        data_date=reading.data_date(period),
        counts=counts,
        rows=reading.rows,
        bad_rows=reading.bad,
        employees=employees,
        figures=figures,
        limits=limits,
        likes=likes_count_as_active,
        lang=lang,
    )
    return Measurement(usage=usage, provenance=provenance, warnings=warnings, employees=employees, figures=figures, format=fmt)


def _counted(reading: "_Reading", employees: int | None, lang: str) -> Counts:
    """The counts of the rows read; an export with nobody in it or no activity at all is refused,
    and so is a head count (--employees) below the people counted."""
    if reading.tally is None:
        raise AdvisorError(Problem(source=reading.names(), message=w(lang, "error.empty"), hint=w(lang, "error.empty.hint")))
    counts = reading.tally.finish()
    if counts.people == 0:
        raise AdvisorError(Problem(source=reading.names(), message=w(lang, "error.empty"), hint=w(lang, "error.empty.hint")))
    if counts.active == 0 and counts.readers == 0 and counts.liked == 0:
        raise AdvisorError(Problem(source=reading.names(), message=w(lang, "error.inactive"), hint=w(lang, "error.inactive.hint")))
    if employees is not None and employees < counts.people:
        message = w(lang, "error.employees", employees=employees, people=counts.people)
        raise AdvisorError(Problem(source="", field="--employees", message=message, hint=w(lang, "error.employees.hint")))
    return counts


def _figures(counts: Counts, fmt: Format, of: int, days: int | None, limits) -> Figures:
    """The usage figures of the counts, as shares of ``of`` people and frequencies over ``days``;
    what the export's format does not hold (reading, likes) is unknown or left out."""
    return Figures(
        active_share=share(counts.active, of),
        active_frequency=frequency(counts.active_counts, days, limits),
        passive_share=share(counts.readers, of) if fmt.read else Share(UNKNOWN),
        passive_frequency=frequency(counts.read_counts, days, limits) if fmt.read else Frequency(UNKNOWN, why_unknown="not_measurable"),
        liked_share=share(counts.liked, of) if fmt.liked else None,
    )


def _check_platform(platform: str | None, spec: dict | None, lang: str) -> None:
    if platform is None or platform in PLATFORMS or (spec is not None and _PLATFORM_NAME.fullmatch(platform)):
        return
    from .text import printable

    message = w(lang, "error.platform", name=printable(platform), names=", ".join(PLATFORMS))
    raise AdvisorError(Problem(source="", field="--platform", message=message, hint=w(lang, "error.platform.hint")))


def _recognise(path: Path, spec: dict | None, platform: str | None, lang: str) -> Format:
    with open_source(path, lang) as source:
        if spec is not None:
            return columns_format(spec, source.header, source.name, platform, lang)
        return recognise(source.header, source.container, source.name, platform=platform, lang=lang)


def _check_together(paths: list[Path], formats: list[Format], lang: str) -> None:
    seen: dict[Path, Path] = {}
    for path in paths:
        key = path.resolve()
        if key in seen:
            raise AdvisorError(Problem(source=path.name, message=w(lang, "error.same_file")))
        seen[key] = path
    for path, fmt in zip(paths[1:], formats[1:]):
        if fmt.platform != formats[0].platform:
            message = w(lang, "error.platforms", first=paths[0].name, a=formats[0].label, second=path.name, b=fmt.label)
            raise AdvisorError(Problem(source=path.name, message=message, hint=w(lang, "error.platforms.hint")))


class _Reading:
    """The files read so far: their kind (period export or daily files), the tally, unreadable rows."""

    def __init__(self, likes: bool, lang: str):
        self.likes, self.lang = likes, lang
        self.tally: PeriodTally | PersonTally | DailyTally | None = None
        self.kind: str | None = None  # period or daily
        self.first: tuple[str, str] | None = None  # (file name, its period in words), to refuse another
        self.report: tuple[int | None, datetime.date | None] | None = None  # a period export: (days, refresh date)
        self.file_days: dict[int, tuple[Path, str]] = {}  # daily files: day -> the file (path, name) that covers it
        self.files: list[MeasuredFile] = []
        self.rows = 0
        self.bad = 0
        self.bad_problems: list[Problem] = []

    def read(self, path: Path, fmt: Format) -> None:
        with open_source(path, self.lang) as source:
            reader = RowReader(fmt, source)
            rows = 0
            add = None
            file_day = last_day = None
            days: set[int] = set()
            for line, number, record in source.records:
                rows += 1
                try:
                    user, state, posted, read, liked, day = reader.read(record)
                except BadRow as bad:
                    self._bad_row(source, line, number, bad)
                    continue
                if add is None:  # the first readable row says what kind of file this is
                    file_day = self._start(source, fmt, reader)
                    add = self.tally.add
                if self.kind == "daily":
                    if day is None:
                        day = file_day
                    if day != last_day:
                        self.tally.bit(day, source.name)
                        days.add(day)
                        last_day = day
                add(user, state, posted, read, liked, day)
            self.rows += rows
        if fmt.date is not None:  # Slack: the days come from the rows; no two files may share one
            for day in sorted(days):
                self._claim_day(day, source)
        only_day = next(iter(days)) if len(days) == 1 else None
        day_text = datetime.date.fromordinal(only_day).isoformat() if only_day else None
        self.files.append(MeasuredFile(name=source.name, format=fmt.id, rows=rows, day=day_text))

    def _start(self, source: Source, fmt: Format, reader: RowReader) -> int | None:
        """Decide on a file from its first readable row: a period export or a daily file, and is
        it of the same period as the files before it?"""
        name = source.name
        file_day = None
        if fmt.date is not None:
            kind, describe = "daily", w(self.lang, "period.kind.daily")
        elif fmt.period is not None and reader.period == 1:
            kind, describe = "daily", w(self.lang, "period.kind.daily")
            file_day = _day_of(name, reader.refresh)
        else:
            days = reader.period if fmt.period is not None else fmt.days
            report = (days, reader.refresh)
            kind = "period"
            describe = (
                w(self.lang, "period.report", days=days, end=reader.refresh.isoformat())
                if reader.refresh
                else w(self.lang, "period.days", days=days) if days else w(self.lang, "period.unknown")
            )
            if self.report is not None and report != self.report:
                self._refuse("error.periods", name, describe, "error.periods.hint")
            self.report = report
        if self.kind is not None and kind != self.kind:
            self._refuse("error.mixed", name, describe, "error.periods.hint")
        if self.tally is None:
            self.kind, self.first = kind, (name, describe)
            if kind == "daily":
                self.tally = DailyTally(self.likes, self.lang)
            elif fmt.user and fmt.id == "columns-csv":
                self.tally = PersonTally(self.likes)
            else:
                self.tally = PeriodTally(self.likes)
        if file_day is not None:
            self._claim_day(file_day, source)
        return file_day

    def _claim_day(self, day: int, source: Source) -> None:
        other = self.file_days.setdefault(day, (source.path, source.name))
        if other[0] != source.path:
            message = w(self.lang, "error.same_day", day=datetime.date.fromordinal(day).isoformat(), first=other[1], second=source.name)
            raise AdvisorError(Problem(source=source.name, message=message, hint=w(self.lang, "error.same_day.hint")))

    def _refuse(self, key: str, name: str, describe: str, hint: str) -> None:
        first, first_describe = self.first or ("", "")
        message = w(self.lang, key, first=first, a=first_describe, second=name, b=describe)
        raise AdvisorError(Problem(source=name, message=message, hint=w(self.lang, hint)))

    def _bad_row(self, source: Source, line: int | None, number: int, bad: BadRow) -> None:
        self.bad += 1
        if len(self.bad_problems) >= SHOWN_BAD_ROWS:
            return
        if source.container == "graph-json":  # one long line: the item's place in the value list says where
            line, column = None, f"value[{number - 1}]" + (f".{bad.column}" if bad.column else "")
        else:
            column = bad.column
        message = f"{w(self.lang, 'row', row=number)}: {w(self.lang, bad.key, **bad.values)}"
        self.bad_problems.append(Problem(source=source.name, line=line, field=column, message=message))

    def judge_bad_rows(self) -> list[Problem]:
        """Warnings for a few unreadable rows; an AdvisorError when more than 5% of the rows are."""
        if not self.bad:
            return []
        percent = round(100 * self.bad / self.rows, 1)
        shown = list(self.bad_problems)
        if self.bad > len(shown):
            shown.append(Problem(source=shown[-1].source, line=None, message=w(self.lang, "bad.more", count=self.bad - len(shown))))
        if self.bad * 100 > MAX_BAD_PERCENT * self.rows:
            summary = Problem(source="", message=w(self.lang, "bad.too_many", bad=self.bad, rows=self.rows, percent=percent), hint=w(self.lang, "bad.too_many.hint"))
            raise AdvisorError(shown + [summary])
        hint = w(self.lang, "bad.hint")
        warnings = [replace(problem, hint=hint) if problem.field or problem.line else problem for problem in shown]
        warnings.append(Problem(source="", message=w(self.lang, "bad.summary", bad=self.bad, rows=self.rows, percent=percent)))
        return warnings

    def period(self, days: list[datetime.date]) -> Period | None:
        if self.kind == "daily":
            source = w(self.lang, "period.daily", days=len(days), start=days[0].isoformat(), end=days[-1].isoformat())
            return Period(days=len(days), start=days[0], end=days[-1], daily=True, source=source)
        length, refresh = self.report or (None, None)
        if length is None:
            return None
        if refresh is None:  # a --columns CSV with days=N
            return Period(days=length, source="days=" + str(length) + " (--columns)")
        start = refresh - datetime.timedelta(days=length - 1)
        return Period(days=length, start=start, end=refresh, source=f"Report Period {length}, Report Refresh Date {refresh.isoformat()}")

    def data_date(self, period: Period | None) -> datetime.date | None:
        if self.kind == "daily":
            return period.end if period else None
        return self.report[1] if self.report else None

    def names(self) -> str:
        return ", ".join(file.name for file in self.files)


def _day_of(name: str, refresh: datetime.date | None) -> int:
    """The day a daily file covers: the date in its name (as saved from a date= download), else its
    Report Refresh Date (inferred: the documentation does not say)."""
    match = _DAY_IN_NAME.search(name)
    if match:
        try:
            return datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3))).toordinal()
        except ValueError:
            pass
    return refresh.toordinal() if refresh else 0
