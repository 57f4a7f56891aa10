"""Every distinguishable answers set for every goal selection: the grid `advisor check` walks.

A goal selection is one goal or an ordered pair of goals. For a selection, the grid is the full
product of the *bands* of each answer those goals need (``knowledge.dependencies.needs(goals)``);
every other answer is ``unknown``. Answers the goals don't need cannot change the advice for
them, except through rules without a goal pattern (consistency checks), which the grid still
runs on the needed answers.

The bands of an answer are the values no rule can tell apart taken one at a time:
  - a share: each threshold any rule compares it with (parameters resolved), one value inside
    each interval between 0, those thresholds and 100, and ``unknown``;
  - a frequency: each choice and ``unknown``;
  - a purpose: each level and ``unknown``.
Within a band every rule that tests the answer alone decides the same way, so the grid is
complete for such rules. A rule that compares two answers with each other (``ref``) is covered
only as far as the two answers' bands reach.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from math import prod
from typing import Iterator, Sequence

from ..knowledge.load import Knowledge
from ..schema import ParamRef
from ..vocabulary import ANSWER_KEYS, GOALS, UNKNOWN, answer_choices

SHARE_RANGE = (0, 100)


@dataclass(frozen=True)
class Band:
    """One band of an answer: a value that stands for it, and a label such as '10-25'."""

    value: object
    label: str


def goal_selections(goals: Sequence[str] = GOALS) -> list[tuple[str, ...]]:
    """Each single goal, then each ordered pair of two different goals."""
    return [(goal,) for goal in goals] + list(itertools.permutations(goals, 2))


def share_thresholds(knowledge: Knowledge, key: str) -> list[float]:
    """The numbers any rule compares a share answer with, sorted, within 0-100."""
    found: set[float] = set()
    for rule in knowledge.rules:
        for pattern in rule.when:
            if pattern.answer != key:
                continue
            for _, operand in pattern.tests():
                if isinstance(operand, ParamRef):
                    operand = knowledge.param(operand.param)
                values = operand if isinstance(operand, list) else [operand]
                for value in values:
                    if isinstance(value, (int, float)) and not isinstance(value, bool):
                        if SHARE_RANGE[0] <= value <= SHARE_RANGE[1]:
                            found.add(value)
    return sorted(found)


def bands(knowledge: Knowledge, key: str, thresholds: Sequence[float] | None = None) -> list[Band]:
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


def needed(knowledge: Knowledge, goals: Sequence[str]) -> list[str]:
    """The answers these goals need, in questionnaire order."""
    needs = knowledge.dependencies.needs(tuple(goals))
    return [key for key in ANSWER_KEYS if key in needs]


def combinations_for(knowledge: Knowledge, goals: Sequence[str]) -> Iterator[dict]:
    """The grid of one goal selection: answers dicts valid for ``advisor.reasoning.pipeline.advise``."""
    keys = needed(knowledge, goals)
    for values in itertools.product(*[[band.value for band in bands(knowledge, key)] for key in keys]):
        chosen = dict(zip(keys, values))
        yield answers_dict(goals, {key: chosen.get(key, UNKNOWN) for key in ANSWER_KEYS})


def count_for(knowledge: Knowledge, goals: Sequence[str]) -> int:
    return prod(len(bands(knowledge, key)) for key in needed(knowledge, goals))


def combinations(knowledge: Knowledge) -> Iterator[dict]:
    """The whole grid: every goal selection with every combination of its answers' bands."""
    for goals in goal_selections():
        yield from combinations_for(knowledge, goals)


def count(knowledge: Knowledge) -> int:
    """How many answers sets ``combinations`` yields, without making them."""
    return sum(count_for(knowledge, goals) for goals in goal_selections())


def full_product_count(knowledge: Knowledge) -> int:
    """How many answers sets the product over all answers would be, per goal selection summed:
    the size the grid avoids by leaving unneeded answers unknown."""
    per_selection = prod(len(bands(knowledge, key)) for key in ANSWER_KEYS)
    return per_selection * len(goal_selections())


def answers_dict(goals: Sequence[str], values: dict[str, object]) -> dict:
    """An answers document from goals and dotted answer keys (missing keys: unknown)."""
    document: dict = {"goals": list(goals), "usage": {}, "purposes": {}}
    for key in ANSWER_KEYS:
        section, name = key.split(".", 1)
        document[section][name] = values.get(key, UNKNOWN)
    return document


def _tidy(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _number(value: float) -> str:
    return str(_tidy(value))

