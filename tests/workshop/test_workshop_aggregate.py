"""The group's answers and the distributions, on examples worked out by hand."""

from __future__ import annotations

import pytest

from advisor.schema import Answers
from advisor.workshop.aggregate import (
    FREQUENCY_SCALE,
    PURPOSE_SCALE,
    band_holding,
    distribution,
    group_answers,
    median,
    mode,
    question_bands,
)

from workshop_teams import BLUE, GREEN, RED

# the questionnaire's bands (rules/catalog/questions.yaml), which the workshop counts in
BANDS = {"usage.active_share": ((0, 10), (10, 25), (25, 50), (50, 100)), "usage.passive_share": ((0, 25), (25, 50), (50, 75), (75, 100))}


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


def test_the_workshop_counts_shares_in_the_questionnaires_bands(knowledge):
    assert question_bands(knowledge) == BANDS


def test_distribution_of_a_share_uses_the_questionnaires_bands():
    item = distribution(answers(BLUE, RED, GREEN), "usage.active_share", 3, BANDS)
    # 8 is under 10, 12 from 10 to 25, 30 from 25 to 50
    assert item.counts == (("0-10", 1), ("10-25", 1), ("25-50", 1), ("50-100", 0), ("unknown", 0))
    assert (item.known, item.total, item.value, item.withheld) == (3, 3, 12, False)


def test_distribution_counts_dont_know_and_withholds_below_the_minimum():
    item = distribution(answers(BLUE, RED, GREEN), "usage.passive_share", 3, BANDS)
    assert item.counts == (("0-25", 0), ("25-50", 1), ("50-75", 0), ("75-100", 1), ("unknown", 1))
    assert item.withheld and item.value == "unknown" and (item.known, item.total) == (2, 3)


def test_distribution_of_a_frequency_in_vocabulary_order():
    item = distribution(answers(BLUE, RED, GREEN), "usage.passive_frequency", 3, BANDS)
    assert item.counts == (("daily", 1), ("weekly", 2), ("monthly", 0), ("less", 0), ("unknown", 0))
    assert item.value == "weekly"


@pytest.mark.parametrize("size", [1, 2, 3])
def test_the_boundary_of_the_minimum_is_inclusive(size):
    three = answers(BLUE, RED, GREEN)
    assert group_answers(three, min_group_size=size).usage.active_share == 12
    assert group_answers(three, min_group_size=4).usage.active_share == "unknown"


def with_shares(*shares) -> list[Answers]:
    return answers(*({"goals": ["alignment"], "usage": {"active_share": share}} for share in shares))


def test_band_answers_are_counted_in_their_band_and_the_group_answer_is_the_band_holding_the_median():
    # midpoints 5, 17.5 and 37.5 with the number 30: the median is (17.5 + 30) / 2 = 23.75, from 10 to 25
    responses = with_shares("0-10", "10-25", "25-50", 30)
    item = distribution(responses, "usage.active_share", 3, BANDS)
    assert item.counts == (("0-10", 1), ("10-25", 1), ("25-50", 2), ("50-100", 0), ("unknown", 0))
    assert item.value == "10-25"  # the band, never a figure made up from ranges
    assert group_answers(responses, 3, BANDS).usage.active_share == "10-25"


def test_numbers_alone_keep_their_exact_median():
    assert group_answers(with_shares(8, 12, 30), 3, BANDS).usage.active_share == 12


def test_a_band_no_question_band_holds_is_counted_as_itself():
    responses = answers(*({"goals": ["engagement"], "usage": {"passive_share": share}} for share in ("0-50", "25-50", 80)))
    item = distribution(responses, "usage.passive_share", 3, BANDS)
    assert item.counts == (("0-25", 0), ("25-50", 1), ("50-75", 0), ("75-100", 1), ("0-50", 1), ("unknown", 0))
    assert item.value == "25-50"  # midpoints 25, 37.5 and 80: the median 37.5


def test_the_band_holding_a_number_or_a_band():
    active = BANDS["usage.active_share"]
    assert [band_holding(active, value) for value in (0, 9.99, 10, 25, 50, 100)] == ["0-10", "0-10", "10-25", "25-50", "50-100", "50-100"]
    assert band_holding(active, "10-25") == "10-25" and band_holding(active, "12-20") == "10-25"
    assert band_holding(active, "0-25") is None
