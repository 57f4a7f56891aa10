"""The group's answers, computed from every response (the method the handout documents).

- Shares (share of employees posting or reacting, share reading): the median of the answers
  given; with an even number of answers, the mean of the two middle ones. A band answer (25-50)
  counts as the number the rules read for it, its midpoint (schema/shares.py). When any answer is
  a band, the group's answer is the questionnaire's band that holds that median, not the median
  itself: a figure computed from ranges is no more exact than they are. The distribution counts
  the answers in the questionnaire's bands (questions.yaml), the same bands a person picks from;
  a band answer no question band holds (0-50 where the question offers 0-25 and 25-50) is
  counted as itself.
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
from ..schema.shares import band_of, band_text, share_number
from ..vocabulary import ANSWER_KEYS, FREQUENCIES, PURPOSE_LEVELS, SHARE_ANSWERS, UNKNOWN
from .ranking import group_goals

Bands = dict[str, tuple[tuple[float, float], ...]]  # per share answer: its question's bands, in order

# Levels from low to high: the tie-break of the mode picks the first of the tied ones.
FREQUENCY_SCALE = tuple(reversed(FREQUENCIES))  # less, monthly, weekly, daily
PURPOSE_SCALE = PURPOSE_LEVELS  # never, sometimes, often


def question_bands(knowledge) -> Bands:
    """The bands the questionnaire offers for each share answer (questions.yaml)."""
    return {
        question.key: tuple(tuple(choice.band) for choice in question.choices if choice.band)
        for question in knowledge.questions
        if question.key in SHARE_ANSWERS
    }


def band_holding(bands: Sequence[tuple[float, float]], value) -> str | None:
    """The question band that holds a share answer, as the answers write it ('25-50'): a number
    from its low up to its high (the last band includes 100), a band lying within it. None: no
    band holds it."""
    found = band_of(value)
    low, high = found if found else (value, value)
    for index, (start, end) in enumerate(bands):
        last = index == len(bands) - 1
        if start <= low and (high < end or (high == end and (found is not None or last))):
            return band_text(start, end)
    return None


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


def group_value(responses: Sequence[Answers], key: str, min_group_size: int, bands: Bands | None = None):
    """The group's answer to one question, or 'unknown' when too few responses answered it."""
    values = known_values(responses, key)
    if len(values) < min_group_size:
        return UNKNOWN
    if key in SHARE_ANSWERS:
        middle = median([share_number(value) for value in values])
        if any(band_of(value) for value in values):
            return band_holding((bands or {}).get(key, ()), middle) or middle
        return middle
    return mode(values, scale_of(key))


def group_answers(responses: Sequence[Answers], min_group_size: int, bands: Bands | None = None) -> Answers:
    """The answers of the group as a whole (see the module's docstring for the method); bands:
    the questionnaire's (``question_bands``), which a share's group answer is given in when any
    response is a band."""
    values = {key: group_value(responses, key, min_group_size, bands) for key in ANSWER_KEYS}
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


def distribution(responses: Sequence[Answers], key: str, min_group_size: int, bands: Bands) -> Distribution:
    """The distribution of one answer. A share's answers are counted in its question's bands
    (``question_bands``); a band answer none of them holds, as itself."""
    values = known_values(responses, key)
    if key in SHARE_ANSWERS:
        offered = bands.get(key, ())
        held = [band_holding(offered, value) or (value if band_of(value) else None) for value in values]
        named = [band_text(*band) for band in offered]
        own = sorted({name for name in held if name and name not in named}, key=band_of)
        categories = [(name, held.count(name)) for name in named + own]
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
        value=group_value(responses, key, min_group_size, bands),
        withheld=withheld,
        tied=ties,
    )
