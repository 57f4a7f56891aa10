"""The knowledge says what the source says, and no more.

Each check reports the file, line and field of the text at fault, and a hint. They read the
source text that ships in findings.yaml (`source.text`) and the wording of each language
(rules/catalog/wording.yaml), so a domain expert editing a copy of the knowledge gets the same
verdict as the test suite.
"""

from __future__ import annotations

import re

from ...i18n import LANGS, t
from ..lint import Lint
from ..registry import declare
from ..texts import language_name, user_texts

SIC = re.compile(r"\s*\[sic\]")  # marks a typo of the source in a quote; not part of the passage


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@declare("quote-not-verbatim")
def quotes(lint: Lint) -> None:
    """Every quote is a passage of the source text, verbatim (whitespace aside)."""
    knowledge = lint.knowledge
    source = _normalise(knowledge.findings_file.source.text)
    items = list(knowledge.findings.values()) + list(knowledge.statements.values())
    for item in items:
        quote = _normalise(SIC.sub("", item.quote))
        if quote in source:
            continue
        agree = max((n for n in range(len(quote) + 1) if quote[:n] in source), default=0)
        lint.add(
            "quote-not-verbatim",
            "finding",
            item.id,
            ("quote",),
            t(lint.lang, "check.quote-not-verbatim", id=repr(item.id), agree=repr(quote[:agree][-40:])),
            t(lint.lang, "check.quote-not-verbatim.hint"),
        )


@declare("lever-without-finding")
def levers(lint: Lint) -> None:
    """A recommendation or goal profile steers on a lever only where a positive finding relates it
    to the goal, unless it is marked as resting on an authors' conclusion (and cites one)."""
    knowledge = lint.knowledge
    positive = {(f.construct, f.usage): f.id for f in knowledge.findings.values() if f.relation == "positive"}
    _recommendation_levers(lint, positive)
    _goal_profile_levers(lint, positive)


def _conclusions_for(knowledge, goal: str, refs: list[str]) -> list[str]:
    """The authors' conclusions among refs that are about the goal (or about no goal in particular)."""
    return [
        ref
        for ref in refs
        if ref in knowledge.statements
        and knowledge.statements[ref].kind == "conclusion"
        and (not knowledge.statements[ref].constructs or goal in knowledge.statements[ref].constructs)
    ]


def _recommendation_levers(lint: Lint, positive: dict[tuple[str, str], str]) -> None:
    """Each lever of a rule's recommendation, for each goal of the rule, has its positive finding
    cited by the rule; a recommendation on an authors' conclusion cites one instead."""
    knowledge = lint.knowledge
    lang = lint.lang
    for rule in knowledge.rules:
        rec = knowledge.recommendations.get(rule.then.recommend or "")
        if rec is None:
            continue
        goals = [goal for pattern in rule.goal_patterns() for goal in pattern.goals()]
        for goal in dict.fromkeys(goals):
            names = {"id": repr(rec.id), "rule": repr(rule.id), "goal": goal}
            if rec.basis == "conclusion":
                if not _conclusions_for(knowledge, goal, rule.findings):
                    lint.add(
                        "lever-without-finding",
                        "recommendations",
                        rec.id,
                        ("basis",),
                        t(lang, "check.lever-without-finding.conclusion", **names),
                        t(lang, "check.lever-without-finding.conclusion.hint", **names),
                    )
                continue
            for lever in rec.levers:
                if positive.get((goal, lever)) not in rule.findings:
                    lint.add(
                        "lever-without-finding",
                        "recommendations",
                        rec.id,
                        ("levers", rec.levers.index(lever)),
                        t(lang, "check.lever-without-finding.recommendation", lever=lever, **names),
                        t(lang, "check.lever-without-finding.recommendation.hint", lever=lever, **names),
                    )


def _goal_profile_levers(lint: Lint, positive: dict[tuple[str, str], str]) -> None:
    """A goal profile steers on a lever only with its positive finding cited, and suggests one
    only where it cites an authors' conclusion about the goal."""
    knowledge = lint.knowledge
    lang = lint.lang
    for profile in knowledge.goal_profiles.values():
        for index, lever in enumerate(profile.steer_on):
            if positive.get((profile.goal, lever)) not in profile.findings:
                lint.add(
                    "lever-without-finding",
                    "goals",
                    profile.goal,
                    ("steer_on", index),
                    t(lang, "check.lever-without-finding.steer_on", goal=profile.goal, lever=lever),
                    t(lang, "check.lever-without-finding.steer_on.hint"),
                )
        for index, lever in enumerate(profile.suggested):
            if not _conclusions_for(knowledge, profile.goal, profile.findings):
                lint.add(
                    "lever-without-finding",
                    "goals",
                    profile.goal,
                    ("suggested", index),
                    t(lang, "check.lever-without-finding.suggested", goal=profile.goal, lever=lever),
                    t(lang, "check.lever-without-finding.suggested.hint"),
                )


@declare("untested-none")
def untested_none(lint: Lint) -> None:
    """`none` says the relation was tested and found not significant: only where the source says so."""
    for finding in lint.knowledge.findings.values():
        if finding.relation == "none" and "significant" not in finding.quote.lower():
            lint.add(
                "untested-none",
                "finding",
                finding.id,
                ("relation",),
                t(lint.lang, "check.untested-none", id=repr(finding.id)),
                t(lint.lang, "check.untested-none.hint"),
            )


@declare("inferred-without-note")
def inferred_notes(lint: Lint) -> None:
    """An inferred relation says, in its note, how it was read from the source."""
    for finding in lint.knowledge.findings.values():
        if finding.inferred and finding.note is None:
            lint.add(
                "inferred-without-note",
                "finding",
                finding.id,
                ("inferred",),
                t(lint.lang, "check.inferred-without-note", id=repr(finding.id)),
                t(lint.lang, "check.inferred-without-note.hint"),
            )


@declare("causal-wording")
def causal_wording(lint: Lint) -> None:
    """No text claims more than a correlation: no causal or promising words (each language's, from
    rules/catalog/wording.yaml), unless allowed with a reason."""
    wording = lint.knowledge.wording
    for section, id_, sub, text in user_texts(lint.knowledge):
        allowed = {item.word.casefold() for item in text.allow or []}
        for lang in LANGS:
            for pattern in wording[lang].causal if lang in wording else ():
                for match in re.finditer(pattern, text.get(lang), re.IGNORECASE):
                    if match.group(0).casefold() in allowed:
                        continue
                    lint.add(
                        "causal-wording",
                        section,
                        id_,
                        sub + (lang,),
                        t(
                            lint.lang, "check.causal-wording",
                            language=language_name(lang, lint.lang), id=repr(id_), word=repr(match.group(0)),
                        ),
                        t(lint.lang, "check.causal-wording.hint"),
                    )


@declare("stale-exemption")
def stale_exemptions(lint: Lint) -> None:
    """An allowed word the text no longer uses: drop it, so it cannot let the word back in unseen."""
    for section, id_, sub, text in user_texts(lint.knowledge):
        for index, item in enumerate(text.allow or []):
            word = re.compile(rf"\b{re.escape(item.word)}\b", re.IGNORECASE)
            if not any(word.search(text.get(lang)) for lang in LANGS):
                lint.add(
                    "stale-exemption",
                    section,
                    id_,
                    sub + ("allow", index),
                    t(lint.lang, "check.stale-exemption", id=repr(id_), word=repr(item.word)),
                    t(lint.lang, "check.stale-exemption.hint"),
                )
