"""The group's answers and the distributions, on examples worked out by hand."""

from __future__ import annotations

import pytest

from advisor.schema import Answers
from advisor.workshop.aggregate import FREQUENCY_SCALE, PURPOSE_SCALE, distribution, group_answers, median, mode

from workshop_teams import BLUE, GREEN, RED

MARKS = {"active_share_low": 10, "active_share_high": 25, "passive_share_low": 50, "passive_share_high": 75}


def answers(*items) -> list[Answers]:
    return [Answers.model_validate(item) for item in items]


def test_median_of_an_odd_and_an_even_count():
    assert median([8, 30, 12]) == 12
    assert median([45, 80]) == 62.5
    assert median([10, 20, 30, 41]) == 25  # (20 + 30) / 2, kept whole
    assert median([]) is None


def test_mode_and_its_tie_break_to_the_lower_level():
    assert mode(["weekly", "weekly", "daily"], FREQUENCY_SCALE) == "weekly"
    assert mode(["weekly", "daily", "monthly"], FREQUENCY_SCALE) == "monthly"  # three-way tie: the lowest
    assert mode(["often", "never"], PURPOSE_SCALE) == "never"
    assert mode(["often", "often", "sometimes", "sometimes"], PURPOSE_SCALE) == "sometimes"
    assert mode([], PURPOSE_SCALE) is None


def test_group_answers_of_the_three_teams():
    group = group_answers(answers(BLUE, RED, GREEN), min_group_size=3)
    assert group.goals == ["engagement", "alignment"]  # Borda 11 and 10; two goals per response (median)
    assert group.usage.active_share == 12  # median of 8, 30, 12
    assert group.usage.active_frequency == "monthly"  # weekly, daily, monthly: a tie, the lowest
    assert group.usage.passive_share == "unknown"  # only 45 and 80 given: fewer than 3
    assert group.usage.passive_frequency == "weekly"  # weekly, daily, weekly
    assert group.purposes.ideas == "never"  # never, often, sometimes: a tie, the lowest
    assert group.purposes.expertise == "often"  # sometimes, often, often
    assert group.purposes.processes == "never"  # never, sometimes, often
    assert group.purposes.strategy_dialogue == "unknown"  # two answers
    assert group.purposes.read_only == "unknown"  # two answers
    assert group.organisation is None


def test_a_lower_minimum_lets_two_answers_count():
    group = group_answers(answers(BLUE, RED, GREEN), min_group_size=2)
    assert group.usage.passive_share == 62.5  # median of 45 and 80
    assert group.purposes.strategy_dialogue == "never"  # never, sometimes: a tie, the lowest
    assert group.purposes.read_only == "never"


def test_distribution_of_a_share_uses_the_rule_sets_bands():
    item = distribution(answers(BLUE, RED, GREEN), "usage.active_share", 3, MARKS)
    # 8 is under 10 (low), 12 between 10 and 25 (moderate), 30 from 25 on (high)
    assert item.counts == (("low", 1), ("moderate", 1), ("high", 1), ("unknown", 0))
    assert (item.known, item.total, item.value, item.withheld) == (3, 3, 12, False)


def test_distribution_counts_dont_know_and_withholds_below_the_minimum():
    item = distribution(answers(BLUE, RED, GREEN), "usage.passive_share", 3, MARKS)
    assert item.counts == (("low", 1), ("moderate", 0), ("high", 1), ("unknown", 1))
    assert item.withheld and item.value == "unknown" and (item.known, item.total) == (2, 3)


def test_distribution_of_a_frequency_in_vocabulary_order():
    item = distribution(answers(BLUE, RED, GREEN), "usage.passive_frequency", 3, MARKS)
    assert item.counts == (("daily", 1), ("weekly", 2), ("monthly", 0), ("less", 0), ("unknown", 0))
    assert item.value == "weekly"


@pytest.mark.parametrize("size", [1, 2, 3])
def test_the_boundary_of_the_minimum_is_inclusive(size):
    three = answers(BLUE, RED, GREEN)
    assert group_answers(three, min_group_size=size).usage.active_share == 12
    assert group_answers(three, min_group_size=4).usage.active_share == "unknown"
