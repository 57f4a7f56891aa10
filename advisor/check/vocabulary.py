"""`advisor check` on the vocabulary (rules/catalog/vocabulary.yaml): what the loader does not
refuse but the answers format and the reports still need.

The loader itself refuses a vocabulary that differs from the installed one, a goal without a
profile, an answer without a question and a share whose band parameters are missing or not
numbers (advisor/knowledge/load.py). The checks here, one function each, with their codes:

- ``vocabulary-bands``: a share's low mark is below its high mark, both from 0 to 100, and no band
  of the share's question straddles either (the questionnaire's bands must each fall in one level);
- ``ambiguous-spelling``: no word (a label of a level or goal, a choice of a question, in any
  language) stands for two different values, or the reader could not tell which is meant;
- ``duplicate-label``: no two levers or answers share a name in a language, or reports could not
  tell them apart;
- ``unused-lever``: every usage dimension and purpose is named by a finding, a goal profile or a
  recommendation; one that nothing names was added to the vocabulary and forgotten.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..answers.spellings import spellings_for
from ..i18n import LANGS

if TYPE_CHECKING:  # the linter calls these checks: no import back to it
    from .lint import Lint

SECTION = ID = "vocabulary"  # where vocabulary problems point: the vocabulary section


def check_share_bands(lint: "Lint") -> None:
    knowledge = lint.knowledge
    questions = {question.key: question for question in knowledge.questions}
    for index, term in enumerate(knowledge.vocabulary.usage):
        if term.bands is None:
            continue
        low, high = (knowledge.param(name) for name in term.bands)
        where = ("usage", index, "bands")
        if not 0 <= low < high <= 100:
            lint.add(
                "vocabulary-bands", SECTION, ID, where,
                f"the bands of usage.{term.answer} are not in order: {term.bands[0]} = {low}, {term.bands[1]} = {high}",
                "the low mark comes below the high mark, both percentages from 0 to 100",
            )
            continue
        question = questions.get(f"usage.{term.answer}")
        for choice in question.choices if question else ():
            if choice.band and any(choice.band[0] < mark < choice.band[1] for mark in (low, high)):
                lint.add(
                    "vocabulary-bands", SECTION, ID, where,
                    f"the question's band {choice.band} for usage.{term.answer} straddles a mark ({low} or {high})",
                    "move the band's edges onto the marks, so each band falls in one level (low, moderate or high)",
                )


def check_spellings(lint: "Lint") -> None:
    spellings = spellings_for(lint.knowledge)
    for what, words in [("goals", spellings.goals)] + sorted(spellings.kinds.items()):
        for text, one, other in words.clashes:
            lint.add(
                "ambiguous-spelling", SECTION, ID, (),
                f"{text!r} stands for both {one!r} and {other!r} ({what})",
                "give each value its own labels, in the vocabulary, the goal profiles and the questions' choices",
            )


def check_labels(lint: "Lint") -> None:
    vocabulary = lint.knowledge.vocabulary
    terms = [("usage", i, t.dimension, t) for i, t in enumerate(vocabulary.usage)]
    terms += [("purposes", i, t.purpose, t) for i, t in enumerate(vocabulary.purposes)]
    for part in ("label", "answer_label"):
        for lang in LANGS:
            seen: dict[str, str] = {}
            for section, index, name, term in terms:
                text = getattr(term, part).get(lang).strip().casefold()
                if text in seen:
                    lint.add(
                        "duplicate-label", SECTION, ID, (section, index, part, lang),
                        f"{name!r} and {seen[text]!r} have the same {part} in {lang}: {getattr(term, part).get(lang)!r}",
                        "name each lever and answer so that a report tells them apart",
                    )
                else:
                    seen[text] = name


def check_levers_named(lint: "Lint") -> None:
    knowledge = lint.knowledge
    named = {finding.usage for finding in knowledge.findings.values()}
    named |= {lever for profile in knowledge.goal_profiles.values() for lever in (*profile.steer_on, *profile.suggested)}
    named |= {lever for recommendation in knowledge.recommendations.values() for lever in recommendation.levers}
    vocabulary = knowledge.vocabulary
    terms = [("usage", i, t.dimension) for i, t in enumerate(vocabulary.usage)]
    terms += [("purposes", i, t.purpose) for i, t in enumerate(vocabulary.purposes)]
    for section, index, lever in terms:
        if lever not in named:
            lint.add(
                "unused-lever", SECTION, ID, (section, index),
                f"no finding, goal profile or recommendation names {lever!r}",
                "cite it where the study relates it to a goal, or remove it from the vocabulary",
            )


CHECKS = (check_share_bands, check_spellings, check_labels, check_levers_named)
