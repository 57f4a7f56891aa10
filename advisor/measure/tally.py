"""Adding people up: what a measurement keeps while it reads, and nothing more.

- ``PeriodTally`` (an export over a period, one row per person) keeps counters and two histograms
  of whole counts: how many people posted once, twice, ... Its memory does not grow with the file.
  The histograms give the exact median, and hold one entry per *distinct* count: k distinct
  counts above 0 add up to at least 1 + 2 + ... + k = k(k+1)/2 messages, so a billion messages
  make at most about 45,000 entries.
- ``PersonTally`` (a --columns CSV with a user column) adds up the rows of each person first.
- ``DailyTally`` (one file per day) keeps, per person, one bit per day for posting, reading and
  liking: memory grows with the people in the export (about 200 bytes each), not with the files.
People are told apart by a 64-bit hash of their name or id (kept, the name is not): two of a
million people share one by chance about once in 36 million runs.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from ..errors import AdvisorError, Problem
from .rows import COUNTED, LEFT_OUT
from .words import w

MAX_DAYS = 31  # daily files of one month


@dataclass
class Counts:
    people: int = 0  # counted
    left_out: dict[str, int] = field(default_factory=lambda: {name: 0 for name in LEFT_OUT.values()})
    active: int = 0  # posted (or liked, when likes count as active)
    posted: int = 0
    readers: int = 0
    liked: int = 0
    active_counts: Counter = field(default_factory=Counter)  # per active person: messages, or days active
    read_counts: Counter = field(default_factory=Counter)  # per reader
    days: list[datetime.date] = field(default_factory=list)  # daily files: the days, in order

    def count_person(self, active: int, posted: int, liked: int, read: int) -> None:
        """One person counted: how active (messages, or days active), whether they posted or
        liked, and how much they read (messages, or days)."""
        self.people += 1
        if active:
            self.active += 1
            self.active_counts[active] += 1
        if posted:
            self.posted += 1
        if liked:
            self.liked += 1
        if read:
            self.readers += 1
            self.read_counts[read] += 1


class PeriodTally:
    def __init__(self, likes_count_as_active: bool):
        self.likes = likes_count_as_active
        self.counts = Counts()

    def add(self, user, state: int, posted: int, read: int, liked: int, day=None) -> None:
        counts = self.counts
        if state != COUNTED:
            counts.left_out[LEFT_OUT[state]] += 1
            return
        counts.count_person(posted + liked if self.likes else posted, posted, liked, read)

    def finish(self) -> Counts:
        return self.counts


class PersonTally:
    """Rows of the same person (in one file or several) added up, then counted as one person;
    a person left out in any row is left out."""

    def __init__(self, likes_count_as_active: bool):
        self.likes = likes_count_as_active
        self.people: dict[int, list[int]] = {}

    def add(self, user: str, state: int, posted: int, read: int, liked: int, day=None) -> None:
        person = self.people.setdefault(hash(user), [COUNTED, 0, 0, 0])
        if state != COUNTED:
            person[0] = state
        person[1] += posted
        person[2] += read
        person[3] += liked

    def finish(self) -> Counts:
        tally = PeriodTally(self.likes)
        for state, posted, read, liked in self.people.values():
            tally.add(None, state, posted, read, liked)
        return tally.finish()


class DailyTally:
    """Days active per person, from one file per day."""

    def __init__(self, likes_count_as_active: bool, lang: str = "en"):
        self.likes, self.lang = likes_count_as_active, lang
        self.people: dict[int, list[int]] = {}  # hash -> [posted bits, read bits, liked bits, last day, state]
        self.bits: dict[int, int] = {}  # day (ordinal) -> its bit

    def bit(self, day: int, source: str) -> int:
        """The bit of a day; an AdvisorError when the days would span more than one month."""
        if day not in self.bits:
            days = sorted(set(self.bits) | {day})
            if days[-1] - days[0] >= MAX_DAYS:
                start, end = (datetime.date.fromordinal(d).isoformat() for d in (days[0], days[-1]))
                message = w(self.lang, "error.too_many_days", start=start, end=end)
                raise AdvisorError(Problem(source=source, message=message, hint=w(self.lang, "error.too_many_days.hint")))
            self.bits[day] = 1 << len(self.bits)
        return self.bits[day]

    def add(self, user: str, state: int, posted: int, read: int, liked: int, day: int) -> None:
        bit = self.bits[day]  # the reader registered the day with bit() first
        person = self.people.get(hash(user))
        if person is None:
            person = self.people[hash(user)] = [0, 0, 0, day, state]
        if posted:
            person[0] |= bit
        if read:
            person[1] |= bit
        if liked:
            person[2] |= bit
        if day >= person[3]:  # the latest state counts: someone deleted since is left out
            person[3], person[4] = day, state

    def finish(self) -> Counts:
        counts = Counts(days=[datetime.date.fromordinal(day) for day in sorted(self.bits)])
        for posted, read, liked, _, state in self.people.values():
            if state != COUNTED:
                counts.left_out[LEFT_OUT[state]] += 1
                continue
            active = (posted | liked if self.likes else posted).bit_count()
            counts.count_person(active, posted, liked, read.bit_count())
        return counts
