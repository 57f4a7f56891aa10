"""Words for the values the workshop shows: levels, share bands, questions, numbers."""

from __future__ import annotations

from ..i18n import number, percent, t
from ..knowledge.load import Knowledge
from ..vocabulary import SHARE_ANSWERS, UNKNOWN, answer_label
from .aggregate import SHARE_MARKS


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


def question(knowledge: Knowledge, lang: str, key: str) -> str:
    """The question as the questionnaire asks it (when the rule set has it), else its short label."""
    for item in knowledge.questions:
        if item.key == key:
            return item.prompt.get(lang)
    label = answer_label(lang, key)
    return label[:1].upper() + label[1:]
