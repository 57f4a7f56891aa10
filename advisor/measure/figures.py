"""The arithmetic: shares of people and frequencies, from what the tally counted.

- a share is people with the activity / the denominator, as a percentage to two decimals (the
  precision of the answers format);
- a frequency is the median per person (messages in the period, or days active in daily files)
  scaled to 30 days, and cut at the knowledge's thresholds (thresholds.py). Fractions keep it
  exact: a median of 1 message in 30 days is 1, not 0.9999.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

from .thresholds import Thresholds

UNKNOWN = "unknown"


@dataclass(frozen=True)
class Share:
    value: int | float | str  # a percentage, or 'unknown'
    people: int | None = None
    of: int | None = None


@dataclass(frozen=True)
class Frequency:
    value: str  # daily, weekly, monthly, less, or 'unknown'
    median: Fraction | None = None  # per person, over the period
    per_30_days: Fraction | None = None
    why_unknown: str | None = None  # nobody, no_period, not_measurable


def share(people: int, of: int) -> Share:
    value = round(float(Fraction(100 * people, of)), 2)
    return Share(int(value) if value.is_integer() else value, people, of)


def median(histogram: Counter) -> Fraction:
    """The median of the values a histogram counts (value -> how many people): the middle value,
    or the mean of the two middle values for an even number of people."""
    total = sum(histogram.values())
    if total == 0:
        raise ValueError("the median of nobody")
    middle = ((total - 1) // 2, total // 2)  # 0-based positions of the middle value(s)
    found: list[int] = []
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        while len(found) < 2 and middle[len(found)] < seen:
            found.append(value)
        if len(found) == 2:
            break
    return Fraction(found[0] + found[1], 2)


def frequency(histogram: Counter, days: int | None, thresholds: Thresholds) -> Frequency:
    """The median of a histogram scaled from ``days`` to 30 days, as a frequency."""
    if not histogram:
        return Frequency(UNKNOWN, why_unknown="nobody")
    middle = median(histogram)
    if days is None:
        return Frequency(UNKNOWN, median=middle, why_unknown="no_period")
    per_30_days = middle * 30 / days
    return Frequency(thresholds.band(per_30_days), median=middle, per_30_days=per_30_days)


def rounded(value: Fraction | None) -> int | float | None:
    """A Fraction for the measured block: a whole number, or a decimal to two places."""
    if value is None:
        return None
    number = round(float(value), 2)
    return int(number) if number.is_integer() else number
