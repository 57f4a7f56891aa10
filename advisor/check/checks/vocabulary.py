"""`advisor check` on the vocabulary (rules/catalog/vocabulary.yaml): what the loader does not
refuse but the answers format and the reports still need.

The loader itself refuses a vocabulary that differs from the installed one (vocabulary-differs), a
goal without a profile, an answer without a question and a share whose band parameters are
missing or not numbers (advisor/knowledge/load.py). The checks here, one function each, with their
codes:

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

from ...answers.spellings import spellings_for
from ...i18n import LANGS, t
from ...knowledge.bands import named_thresholds, straddled
from ..lint import Lint
from ..registry import declare

SECTION = ID = "vocabulary"  # where vocabulary problems point: the vocabulary section


@declare("vocabulary-bands")
def share_bands(lint: Lint) -> None:
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
                t(lint.lang, "check.vocabulary-bands", answer=f"usage.{term.answer}", low_name=term.bands[0], low=low,
                  high_name=term.bands[1], high=high),
                t(lint.lang, "check.vocabulary-bands.hint"),
            )
            continue
        # every threshold a rule compares the share with, the two marks among them: the answers
        # record a picked band as the band, and a band across a threshold could not be decided
        key = f"usage.{term.answer}"
        question = questions.get(key)
        thresholds = {**named_thresholds(knowledge, key), low: term.bands[0], high: term.bands[1]}
        for choice in question.choices if question else ():
            for threshold, name in straddled(thresholds, *choice.band) if choice.band else ():
                lint.add(
                    "vocabulary-bands", SECTION, ID, where,
                    t(lint.lang, "check.vocabulary-bands.straddled", band=choice.answer, answer=key, threshold=threshold,
                      param=name or "-"),
                    t(lint.lang, "check.vocabulary-bands.straddled.hint"),
                )


@declare("ambiguous-spelling")
def spellings(lint: Lint) -> None:
    spellings = spellings_for(lint.knowledge)
    for what, words in [("goals", spellings.goals)] + sorted(spellings.kinds.items()):
        for text, one, other in words.clashes:
            lint.add(
                "ambiguous-spelling", SECTION, ID, (),
                t(lint.lang, "check.ambiguous-spelling", text=repr(text), one=repr(one), other=repr(other), what=what),
                t(lint.lang, "check.ambiguous-spelling.hint"),
            )


@declare("duplicate-label")
def labels(lint: Lint) -> None:
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
                        t(lint.lang, "check.duplicate-label", name=repr(name), other=repr(seen[text]), part=part, lang=lang,
                          text=repr(getattr(term, part).get(lang))),
                        t(lint.lang, "check.duplicate-label.hint"),
                    )
                else:
                    seen[text] = name


@declare("unused-lever")
def levers_named(lint: Lint) -> None:
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
                t(lint.lang, "check.unused-lever", lever=repr(lever)),
                t(lint.lang, "check.unused-lever.hint"),
            )

