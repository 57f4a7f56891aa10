"""Measured usage: where the usage figures came from when they were read from a platform's export.

`advisor measure` writes this as the ``measured:`` block beside ``usage:``. The block is a record
a person can check and keep: the files, the period, who was counted and who was left out, the
denominator, and per figure how it was computed. It holds counts only, never a name or a hash.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal, Union

from pydantic import BeforeValidator, Field, StringConstraints, WithJsonSchema

from ..vocabulary import FREQUENCIES, UNKNOWN
from .base import AnswerKey, Model, NonEmpty
from .shares import BAND_PATTERN

__all__ = [
    'IsoDate',
    'Measured',
    'MeasuredDenominator',
    'MeasuredDifference',
    'MeasuredFigure',
    'MeasuredFigures',
    'MeasuredFile',
    'MeasuredPeople',
    'MeasuredPeriod',
    'MEASURED_FORMATS',
    'PLATFORM_NAMES',
]


def _iso(value: object) -> object:
    # YAML reads an unquoted 2024-05-31 as a date: a hand-edited file may well hold one
    return value.isoformat() if isinstance(value, datetime.date) else value


_ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
# the same JSON Schema for reading and writing (the answers read it, the advice writes it back)
IsoDate = Annotated[
    str, BeforeValidator(_iso), StringConstraints(pattern=_ISO_DATE), WithJsonSchema({"type": "string", "pattern": _ISO_DATE})
]
Count = Annotated[int, Field(ge=0)]
Number = Union[int, float]

# the export formats advisor measure reads (advisor/measure/formats.py describes each)
MEASURED_FORMATS = ("viva-engage-csv", "viva-engage-json", "teams-csv", "slack-ndjson", "columns-csv")
# the platforms it recognises, by the names people know them by (any other is named by --platform)
PLATFORM_NAMES = {"viva-engage": "Viva Engage", "teams": "Microsoft Teams", "slack": "Slack"}


class MeasuredFile(Model):
    name: NonEmpty  # the file's name, without its directory
    format: Literal[MEASURED_FORMATS]
    rows: Count  # data rows read (people counted, left out, and bad rows alike)
    day: IsoDate | None = None  # a daily file: the day it covers


class MeasuredPeriod(Model):
    days: Annotated[int, Field(ge=1)]  # the days the figures cover
    start: IsoDate | None = None
    end: IsoDate | None = None
    daily_files: bool = False  # true: one file per day, frequencies from days active
    source: NonEmpty  # how the period was read, in words


class MeasuredPeople(Model):
    rows: Count  # data rows in all files
    counted: Count  # people the figures are about
    deleted: Count = 0  # left out: deleted users
    suspended: Count = 0  # left out: suspended users
    guests: Count = 0  # left out: guests (not employees)
    bad_rows: Count = 0  # left out: rows that could not be read (each reported with its row and column)


class MeasuredDenominator(Model):
    people: Annotated[int, Field(ge=1)]  # what the shares are divided by
    source: Literal["export", "employees"]  # the people in the export, or the head count given
    in_export: Count  # people the export counts
    employees: Annotated[int, Field(ge=1)] | None = None  # the head count given with --employees
    note: NonEmpty


class MeasuredFigure(Model):
    value: Union[int, float, str]  # as in usage: a percentage, a frequency, or 'unknown'
    people: Count | None = None  # people with the activity (a share's numerator)
    of: Count | None = None  # a share's denominator
    median: Number | None = None  # per person over the period: messages, or days active
    per_30_days: Number | None = None  # the median scaled to 30 days
    basis: Literal["messages", "days_active"] | None = None
    how: NonEmpty  # how the figure was computed, in words


class MeasuredFigures(Model):
    active_share: MeasuredFigure
    active_frequency: MeasuredFigure
    passive_share: MeasuredFigure
    passive_frequency: MeasuredFigure
    liked_share: MeasuredFigure | None = None  # reported on its own; active only with --likes-count-as-active


# a usage answer as the answers give it: a percentage, a band of them ('25-50'), a frequency, or 'unknown'
UsageValue = Annotated[
    Union[int, float, str],
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 100},
                {"type": "string", "pattern": BAND_PATTERN, "description": "a band, from LOW up to HIGH percent, e.g. '25-50'"},
                {"enum": [*FREQUENCIES, UNKNOWN]},
            ]
        }
    ),
]


class MeasuredDifference(Model):
    """A usage answer where the answers and the export differ, and which of the two the advice uses:
    the export's figure when it replaced the answers' (`--usage-from`: the export wins), the answers'
    when they were corrected by hand or the export could not measure it."""

    answer: AnswerKey
    measured: UsageValue  # as in usage: a percentage, a frequency, or 'unknown' (an export counts: never a band)
    answered: UsageValue  # as the answers gave it: a band stays the band
    used: Literal["measured", "answered"]


class Measured(Model):
    """The provenance of measured usage."""

    platform: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")]
    files: list[MeasuredFile] = Field(min_length=1)
    period: MeasuredPeriod | None = None  # None: the export does not say (a --columns CSV without days=)
    data_date: IsoDate | None = None  # the date of the data (Report Refresh Date, or the last day)
    people: MeasuredPeople
    denominator: MeasuredDenominator
    likes_count_as_active: bool = False
    figures: MeasuredFigures
    thresholds: dict[Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")], Number] = {}
    notes: list[NonEmpty] = []
    differences: list[MeasuredDifference] | None = None  # where the answers and the export differ (not written by advisor measure)
