"""The bands of an answer: the values no rule can tell apart, taken one at a time.

A share is cut at each threshold a rule compares it with (parameters resolved); a frequency or a
purpose has one band per choice; every answer also has ``unknown``. Within a band every rule that
tests the answer on its own decides the same way. The pipeline's decision tables
(advisor/reasoning/tables.py) key shares by their band, and `advisor check` walks every band of
every answer (advisor/check/grid.py).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from ..schema import ParamRef
from ..vocabulary import UNKNOWN, answer_choices

if TYPE_CHECKING:  # pragma: no cover
    from .model import Knowledge

SHARE_RANGE = (0, 100)


@dataclass(frozen=True)
class Band:
    """One band of an answer: a value that stands for it, and a label such as '10-25'."""

    value: object
    label: str


def share_thresholds(knowledge: "Knowledge", key: str) -> list[float]:
    """The numbers any rule compares a share answer with, sorted, within 0-100."""
    return sorted(named_thresholds(knowledge, key))


def named_thresholds(knowledge: "Knowledge", key: str) -> dict[float, str | None]:
    """The numbers any rule compares a share answer with (within 0-100), each with the parameter
    it comes from (None for a number written in a rule)."""
    found: dict[float, str | None] = {}
    for rule in knowledge.rules:
        for pattern in rule.when:
            if pattern.answer != key:
                continue
            for _, operand in pattern.tests():
                name = None
                if isinstance(operand, ParamRef):
                    name = operand.param
                    operand = knowledge.param(operand.param)
                values = operand if isinstance(operand, list) else [operand]
                for value in values:
                    if isinstance(value, (int, float)) and not isinstance(value, bool):
                        if SHARE_RANGE[0] <= value <= SHARE_RANGE[1] and found.get(value) is None:
                            found[value] = name
    return found


def straddled(thresholds: dict[float, str | None], low: float, high: float) -> list[tuple[float, str | None]]:
    """The thresholds strictly inside a band from ``low`` up to ``high``: the rules compare the
    share with each, and the band holds numbers on both sides, so no rule can decide it."""
    return sorted((value, name) for value, name in thresholds.items() if low < value < high)


def bands(knowledge: "Knowledge", key: str, thresholds: Sequence[float] | None = None) -> list[Band]:
    """The bands of one answer, ``unknown`` last. A share is cut at the thresholds the rules
    compare it with, or at the ``thresholds`` given."""
    choices = answer_choices(key)
    if choices is not None:
        return [Band(choice, choice) for choice in choices] + [Band(UNKNOWN, UNKNOWN)]
    if thresholds is None:
        thresholds = share_thresholds(knowledge, key)
    thresholds = sorted(set(thresholds))
    low, high = SHARE_RANGE
    marks = [low] + [t for t in thresholds if low < t < high] + [high]
    found: list[Band] = []
    if thresholds and thresholds[0] == low:
        found.append(Band(low, _number(low)))
    for start, end in zip(marks, marks[1:]):
        if start != low:
            found.append(Band(start, _number(start)))
        found.append(Band(_tidy((start + end) / 2), f"{_number(start)}-{_number(end)}"))
    if thresholds and thresholds[-1] == high:
        found.append(Band(high, _number(high)))
    # the interval labels say which ends are open: a threshold is its own band
    return found + [Band(UNKNOWN, UNKNOWN)]


def band_position(thresholds: Sequence[float], value: float) -> int:
    """Which band of a share a number falls in, as a position among the sorted thresholds:
    2i below the i-th threshold (and above the one before), 2i+1 on it. Two numbers with the
    same position compare alike with every threshold."""
    index = bisect_left(thresholds, value)
    return 2 * index + (index < len(thresholds) and thresholds[index] == value)


def _tidy(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _number(value: float) -> str:
    return str(_tidy(value))
