"""A share answer: a number from 0 to 100, or a band of them written ``LOW-HIGH``.

A band is what a person knows when they pick "25 to 50%": the share lies from LOW up to HIGH.
The answers keep the band as given; the rules read the number that stands for it (``share_number``,
the midpoint, strictly inside the band), the same number in the decision tables' key and in a
direct engine run. A band that straddles a threshold a rule compares the share with cannot be
decided, and the answers reader says so (advisor/answers/normalise.py).
"""

from __future__ import annotations

import re

__all__ = ["BAND_PATTERN", "band_of", "band_text", "share_number"]

# Two numbers from 0 to 100 (up to two decimals) joined by a hyphen: "25-50", "12.5-25"
_NUMBER = r"(?:100|[1-9]?[0-9])(?:\.[0-9]{1,2})?"
BAND_PATTERN = rf"^{_NUMBER}-{_NUMBER}$"
_BAND = re.compile(rf"^({_NUMBER})-({_NUMBER})$")


def _tidy(value: float) -> int | float:
    value = round(float(value), 2)
    return int(value) if value.is_integer() else value


def band_of(value: object) -> tuple[int | float, int | float] | None:
    """(low, high) of a band as the format writes it ('25-50'), or None when the value is none
    (a number, 'unknown', other text). A band's low is below its high, both from 0 to 100."""
    if not isinstance(value, str):
        return None
    found = _BAND.match(value)
    if not found:
        return None
    low, high = _tidy(float(found.group(1))), _tidy(float(found.group(2)))
    if not 0 <= low < high <= 100:
        return None
    return low, high


def band_text(low: float, high: float) -> str:
    """A band as the format writes it: '25-50', '12.5-25'."""
    return f"{_tidy(low)}-{_tidy(high)}"


def share_number(value: object) -> object:
    """The number the rules read for a share answer: the answer itself for a number, a band's
    midpoint for a band (strictly inside it, so never on a threshold the band may end at), and
    anything else ('unknown') as it is."""
    band = band_of(value)
    if band is None:
        return value
    middle = (band[0] + band[1]) / 2  # not rounded: 0.01-0.02 stands for 0.015, not an edge
    return int(middle) if float(middle).is_integer() else middle
