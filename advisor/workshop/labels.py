"""Words for the values the workshop shows: levels, share bands, questions, numbers."""

from __future__ import annotations

from ..i18n import number, percent, t
from ..knowledge.load import Knowledge
from ..vocabulary import SHARE_ANSWERS, UNKNOWN, answer_label
from .aggregate import SHARE_MARKS, Distribution
from .ranking import MAX_GOALS, SHARE, GoalDecision


def category(lang: str, knowledge: Knowledge, key: str, name: str) -> str:
    """The label of one bar of a distribution: a share band, a level, or don't know."""
    if name == UNKNOWN:
        return t(lang, "workshop.dont_know")
    if key in SHARE_ANSWERS:
        low, high = (knowledge.param(mark) for mark in SHARE_MARKS[key])
        return t(lang, f"workshop.band.{name}", low=number(lang, low), high=number(lang, high))
    return t(lang, f"workshop.level.{name}")


def group_value(lang: str, key: str, value) -> str:
    """The group's answer to a question, as words."""
    if value == UNKNOWN:
        return t(lang, "workshop.unknown")
    if key in SHARE_ANSWERS:
        return percent(lang, value)
    return t(lang, f"workshop.level.{value}")


def group_answer(lang: str, item: Distribution) -> str:
    """The group's answer to a question with how it was reached: 'Weekly (the median)', or a
    tie shown as a tie, with the level the advice reads."""
    if item.tied:
        levels = ", ".join(t(lang, f"workshop.level.{level}") for level in item.tied)
        return t(lang, "workshop.tie_answer", levels=levels, value=group_value(lang, item.key, item.value))
    how = t(lang, "workshop.median" if item.key in SHARE_ANSWERS else "workshop.mode")
    return f"{group_value(lang, item.key, item.value)} ({how})"


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
