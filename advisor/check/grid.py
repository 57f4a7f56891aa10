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
from math import prod
from typing import Iterator, Sequence

from ..knowledge.bands import bands
from ..knowledge.load import Knowledge
from ..vocabulary import ANSWER_KEYS, GOALS, UNKNOWN


def goal_selections(goals: Sequence[str] = GOALS) -> list[tuple[str, ...]]:
    """Each single goal, then each ordered pair of two different goals."""
    return [(goal,) for goal in goals] + list(itertools.permutations(goals, 2))


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
