"""Words for the values the workshop shows: levels, share bands, questions, numbers."""

from __future__ import annotations

from ..i18n import percent, t
from ..knowledge.load import Knowledge
from ..schema.shares import band_of
from ..vocabulary import SHARE_ANSWERS, UNKNOWN, answer_label
from .aggregate import Distribution
from .ranking import MAX_GOALS, SHARE, GoalDecision


def category(lang: str, knowledge: Knowledge, key: str, name: str) -> str:
    """The label of one bar of a distribution: a share band as the questionnaire labels it
    ('25 to 50%'; a band it does not offer as its range, '0-50%'), a level, or don't know."""
    if name == UNKNOWN:
        return t(lang, "workshop.dont_know")
    if key in SHARE_ANSWERS:
        return band_label(lang, knowledge, key, name)
    return t(lang, f"workshop.level.{name}")


def band_label(lang: str, knowledge: Knowledge, key: str, band: str) -> str:
    """A band of a share in the questionnaire's words, or as its range when it offers no such band."""
    for item in knowledge.questions:
        if item.key == key:
            for choice in item.choices:
                if choice.band is not None and choice.answer == band:
                    return choice.label.get(lang)
    return percent(lang, band)


def group_value(lang: str, key: str, value, knowledge: Knowledge | None = None) -> str:
    """The group's answer to a question, as words."""
    if value == UNKNOWN:
        return t(lang, "workshop.unknown")
    if key in SHARE_ANSWERS and band_of(value) and knowledge is not None:
        return band_label(lang, knowledge, key, value)
    if key in SHARE_ANSWERS:
        return percent(lang, value)
    return t(lang, f"workshop.level.{value}")


def group_answer(lang: str, item: Distribution, knowledge: Knowledge | None = None) -> str:
    """The group's answer to a question with how it was reached: '12% (the median)', '25 to 50%
    (the band that holds the median)', or a tie shown as a tie, with the level the advice reads."""
    if item.tied:
        levels = ", ".join(t(lang, f"workshop.level.{level}") for level in item.tied)
        return t(lang, "workshop.tie_answer", levels=levels, value=group_value(lang, item.key, item.value, knowledge))
    if item.key in SHARE_ANSWERS:
        how = t(lang, "workshop.median_band" if band_of(item.value) else "workshop.median")
    else:
        how = t(lang, "workshop.mode")
    return f"{group_value(lang, item.key, item.value, knowledge)} ({how})"


def goal_reason(lang: str, decision: GoalDecision, top: int, labels: dict[str, str]) -> str:
    """Why a ranked goal is, or is not, one of the group's (the rule: ranking.py)."""
    share = f"{SHARE.numerator}/{SHARE.denominator}"
    text = t(lang, f"workshop.why.{decision.reason}", points=decision.item.points, top=top, share=share, max=MAX_GOALS)
    if decision.tied:
        goals = ", ".join(labels[goal] for goal in decision.tied)
        text += "; " + t(lang, f"workshop.why.tie_{decision.tie_break}", goals=goals)
    return text


def question(knowledge: Knowledge, lang: str, key: str) -> str:
    """The question as the questionnaire asks it (when the rule set has it), else its short label."""
    for item in knowledge.questions:
        if item.key == key:
            return item.prompt.get(lang)
    label = answer_label(lang, key)
    return label[:1].upper() + label[1:]
