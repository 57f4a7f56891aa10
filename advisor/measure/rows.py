"""Reading one row of an export: the person's state and counts, checked cell by cell.

A cell that cannot be read (a count that is missing, not a whole number or negative, a user state
the advisor does not know, a period or date it cannot read) makes the row bad: BadRow says which
column and why, and the caller counts the row, reports it and goes on. Values are never kept.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from .formats import Format, normal
from .sources import Source
from .text import shown_value

COUNTED, DELETED, SUSPENDED, GUEST = 0, 1, 2, 3  # a person's state: only COUNTED people are counted
LEFT_OUT = {DELETED: "deleted", SUSPENDED: "suspended", GUEST: "guests"}
# User State in the CSV is Activated, Deleted or Suspended; Graph's JSON example says "active"
_STATES = {"activated": COUNTED, "active": COUNTED, "deleted": DELETED, "suspended": SUSPENDED}
_FLAGS = {"true": True, "false": False, "1": True, "0": False, "yes": True, "no": False}
# Report Refresh Date was 2021-10-25 and became 2021-10-25T00:00:00Z (microsoft-graph-docs-contrib #570)
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_PERIOD = re.compile(r"[dD]?(\d{1,3})")  # Report Period: 7, 30, 90, 180 (the days), or 1 for one day


class BadRow(Exception):
    """A row that cannot be read: the column, and what is wrong as a key of words.py with its values."""

    def __init__(self, column: str | None, key: str, **values: object):
        super().__init__(key)
        self.column, self.key, self.values = column, key, values


class RowReader:
    """Reads the rows of one file in one format: ``read(record)`` gives
    (user, state, posted, read, liked, day) and sets the file's refresh date and period from its
    first row; a later row that disagrees with them is bad."""

    def __init__(self, fmt: Format, source: Source):
        self.fmt = fmt
        self.csv = source.container == "csv"
        self.width = len(source.header)
        if self.csv:
            where = {normal(name): index for index, name in enumerate(source.header)}
        else:  # JSON keys: as the first record spells them
            where = {normal(name): name for name in source.header}

        def key(column: str | None):
            return None if column is None else where.get(normal(column), column)

        self.posted = [(key(column), column) for column in fmt.posted]
        self.k_read, self.k_liked, self.k_user = key(fmt.read), key(fmt.liked), key(fmt.user)
        self.k_state, self.k_deleted, self.k_guest = key(fmt.state), key(fmt.deleted), key(fmt.guest)
        self.k_refresh, self.k_period, self.k_date = key(fmt.refresh), key(fmt.period), key(fmt.date)
        self.read_is_flag = fmt.read == "is_active"  # Slack: active that day, not a count
        self.columns = {key(column): column for column in fmt.columns}
        self.refresh: datetime.date | None = None
        self.period: int | None = None
        self._refresh_text: Any = object()
        self._period_text: Any = object()
        self._date_text: Any = object()
        self._day: int | None = None

    def read(self, record: Any) -> tuple:
        if self.csv:
            if len(record) != self.width:
                raise BadRow(None, "bad.cells", cells=len(record), width=self.width)
        elif type(record) is not dict:
            raise BadRow(None, "bad.not_object" if record is not None else "bad.not_json")
        try:
            state = COUNTED
            if self.k_state is not None:
                value = record[self.k_state]
                state = _STATES.get(value) if type(value) is str else None
                if state is None:
                    state = self._state(value)
            elif self.k_deleted is not None and flag(record[self.k_deleted], self.fmt.deleted):
                state = DELETED
            if self.k_guest is not None and flag(record[self.k_guest], self.fmt.guest):
                state = GUEST
            if self.k_refresh is not None:
                value = record[self.k_refresh]
                if value != self._refresh_text:
                    self._check_refresh(value)
            if self.k_period is not None:
                value = record[self.k_period]
                if value != self._period_text:
                    self._check_period(value)
            day = None
            if self.k_date is not None:
                value = record[self.k_date]
                if value != self._date_text:
                    self._day = date(value, self.fmt.date).toordinal()
                    self._date_text = value
                day = self._day
            posted = 0
            for key, column in self.posted:
                posted += count(record[key], column)
            if self.k_read is None:
                read = 0
            elif self.read_is_flag:
                read = 1 if flag(record[self.k_read], self.fmt.read) else 0
            else:
                read = count(record[self.k_read], self.fmt.read)
            liked = count(record[self.k_liked], self.fmt.liked) if self.k_liked is not None else 0
            user = None
            if self.k_user is not None:
                user = record[self.k_user]
                if not user or type(user) is not str:
                    raise BadRow(self.fmt.user, "bad.no_person")
        except KeyError as missing:
            column = self.columns.get(missing.args[0], str(missing.args[0]))
            raise BadRow(column, "bad.missing") from None
        return user, state, posted, read, liked, day

    def _state(self, value: Any) -> int:
        state = _STATES.get(str(value).strip().casefold()) if isinstance(value, str) else None
        if state is None:
            raise BadRow(self.fmt.state, "bad.state", value=shown_value(value))
        return state

    def _check_refresh(self, value: Any) -> None:
        refresh = date(value, self.fmt.refresh)
        if self.refresh is None:
            self.refresh = refresh
        elif refresh != self.refresh:
            raise BadRow(self.fmt.refresh, "bad.refresh_differs", value=refresh.isoformat(), file=self.refresh.isoformat())
        self._refresh_text = value

    def _check_period(self, value: Any) -> None:
        match = _PERIOD.fullmatch(str(value).strip()) if isinstance(value, (str, int)) and type(value) is not bool else None
        days = int(match.group(1)) if match else 0
        if not 1 <= days <= 366:
            raise BadRow(self.fmt.period, "bad.period", value=shown_value(value))
        if self.period is None:
            self.period = days
        elif days != self.period:
            raise BadRow(self.fmt.period, "bad.period_differs", value=days, file=self.period)
        self._period_text = value


def count(value: Any, column: str) -> int:
    """A count of messages: a whole number, 0 or more. The fast path is int() of the text."""
    if type(value) is str:
        try:
            number = int(value)
        except ValueError:
            number = _count_text(value, column)
    elif type(value) is int:
        number = value
    elif value is None:
        raise BadRow(column, "bad.missing")
    elif type(value) is float and value.is_integer():
        number = int(value)
    else:
        raise BadRow(column, "bad.not_whole", value=shown_value(value))
    if number < 0:
        raise BadRow(column, "bad.negative", value=number)
    return number


def _count_text(text: str, column: str) -> int:
    if not text.strip():
        raise BadRow(column, "bad.missing")
    try:
        number = float(text)
    except ValueError:
        raise BadRow(column, "bad.not_number", value=shown_value(text)) from None
    if not number.is_integer():
        raise BadRow(column, "bad.not_whole", value=shown_value(text))
    return int(number)  # 2.0, as a spreadsheet may write it


def flag(value: Any, column: str | None) -> bool:
    if type(value) is bool:
        return value
    found = _FLAGS.get(value.strip().casefold()) if isinstance(value, str) else None
    if found is None:
        raise BadRow(column, "bad.flag", value=shown_value(value))
    return found


def date(value: Any, column: str | None) -> datetime.date:
    match = _DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    try:
        if match:
            return datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        pass
    raise BadRow(column, "bad.date", value=shown_value(value))
