"""The group's answers, computed from every response (the method the handout documents).

- Shares (share of employees posting or reacting, share reading): the median of the answers
  given; with an even number of answers, the mean of the two middle ones.
- Frequencies and purpose levels: the mode, the answer given most often. A tie goes to the
  lowest of the tied levels (less often; never before sometimes before often): the cautious
  reading, so the group's advice names where the room should still grow instead of telling it to
  sustain what half of it does not see. The tie itself is shown as a tie (``Distribution.tied``).
- "Don't know" (and a question a team was not asked because its goals do not need it) counts as
  no answer. A question answered by fewer responses than the workshop's minimum group size gets
  no group answer ("unknown"), so one team's value can never be read off the median.
- The group's goals come from the Borda count (see ``ranking``).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Sequence

from ..schema import Answers
from ..vocabulary import ANSWER_KEYS, FREQUENCIES, PURPOSE_LEVELS, SHARE_ANSWERS, SHARE_BANDS, UNKNOWN
from .ranking import group_goals

# Levels from low to high: the tie-break of the mode picks the first of the tied ones.
FREQUENCY_SCALE = tuple(reversed(FREQUENCIES))  # less, monthly, weekly, daily
PURPOSE_SCALE = PURPOSE_LEVELS  # never, sometimes, often

# Which parameters of the rule set bound the bands of each share (the levels the rules derive):
# the vocabulary names them (`bands` in rules/catalog/vocabulary.yaml), and the loader checks they exist.
SHARE_MARKS = SHARE_BANDS


def median(values: Sequence[float]) -> float | int | None:
    """The median; the mean of the two middle values for an even count; None for no values."""
    if not values:
        return None
    value = statistics.median(values)
    return int(value) if float(value).is_integer() else value


def mode(values: Sequence[str], scale: Sequence[str]) -> str | None:
    """The most frequent value; a tie goes to the one lowest on the scale. None for no values."""
    if not values:
        return None
    counts = {level: values.count(level) for level in scale}
    top = max(counts.values())
    return next(level for level in scale if counts[level] == top)


def tied(values: Sequence[str], scale: Sequence[str]) -> tuple[str, ...]:
    """The levels given most often when several are (in the scale's order), else ()."""
    if not values:
        return ()
    counts = {level: values.count(level) for level in scale}
    top = max(counts.values())
    levels = tuple(level for level in scale if counts[level] == top)
    return levels if len(levels) > 1 else ()


def scale_of(key: str) -> tuple[str, ...]:
    return FREQUENCY_SCALE if key.startswith("usage.") else PURPOSE_SCALE


def known_values(responses: Sequence[Answers], key: str) -> list:
    return [value for value in (answers.value(key) for answers in responses) if value != UNKNOWN]


def group_value(responses: Sequence[Answers], key: str, min_group_size: int):
    """The group's answer to one question, or 'unknown' when too few responses answered it."""
    values = known_values(responses, key)
    if len(values) < min_group_size:
        return UNKNOWN
    if key in SHARE_ANSWERS:
        return median(values)
    return mode(values, scale_of(key))


def group_answers(responses: Sequence[Answers], min_group_size: int) -> Answers:
    """The answers of the group as a whole (see the module's docstring for the method)."""
    values = {key: group_value(responses, key, min_group_size) for key in ANSWER_KEYS}
    data: dict = {"goals": group_goals([answers.goals for answers in responses]), "usage": {}, "purposes": {}}
    for key, value in values.items():
        section, name = key.split(".", 1)
        data[section][name] = value
    group = Answers.model_validate(data)
    # usage measured from one export for every response (workshop add --usage-from) is the
    # group's too, and its advice says so; each response's own differences stay its own
    blocks = [answers.measured.model_copy(update={"differences": None}) if answers.measured else None for answers in responses]
    if blocks and blocks[0] is not None and all(block == blocks[0] for block in blocks):
        group = group.model_copy(update={"measured": blocks[0]})
    return group


@dataclass(frozen=True)
class Distribution:
    """How the responses answered one question, with the group's answer."""

    key: str
    counts: tuple[tuple[str, int], ...]  # (category, responses), in display order; 'unknown' last
    known: int
    total: int
    value: object  # the group's answer, or 'unknown'
    withheld: bool  # fewer answers than the minimum group size: show nothing
    tied: tuple[str, ...] = ()  # levels given equally often, most often: the group's answer is the lowest


def share_band(value: float, low: float, high: float) -> str:
    return "low" if value < low else "moderate" if value < high else "high"


def distribution(responses: Sequence[Answers], key: str, min_group_size: int, marks: dict[str, float]) -> Distribution:
    """The distribution of one answer. For shares, marks are the rule set's low and high marks."""
    values = known_values(responses, key)
    if key in SHARE_ANSWERS:
        low, high = (marks[name] for name in SHARE_MARKS[key])
        bands = [share_band(value, low, high) for value in values]
        categories = [(band, bands.count(band)) for band in ("low", "moderate", "high")]
    else:
        order = FREQUENCIES if key.startswith("usage.") else PURPOSE_LEVELS
        categories = [(level, values.count(level)) for level in order]
    withheld = len(values) < min_group_size
    ties = () if withheld or key in SHARE_ANSWERS else tied(values, scale_of(key))
    return Distribution(
        key=key,
        counts=tuple(categories) + ((UNKNOWN, len(responses) - len(values)),),
        known=len(values),
        total=len(responses),
        value=group_value(responses, key, min_group_size),
        withheld=withheld,
        tied=ties,
    )
