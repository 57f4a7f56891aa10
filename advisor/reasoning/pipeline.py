"""The one owner of the pipeline: answers -> facts -> engine -> consultation -> advice.

An ``Advisor`` holds a loaded knowledge base and its rule engine. Everything that turns answers
into advice goes through one: ``advise()``, explain and why-not, what-if and diff, the checks
of ``advisor check``, batch runs, the line protocol and the workshop.

    advisor = advisor_for(load_knowledge("my/findings.yaml", "my/rules"))
    advice = advisor.advise(answers, lang="nl")
"""

from __future__ import annotations

import threading
import weakref
from typing import Any

from ..answers.read import parse_answers
from ..engine.choice import make_engine, resolve_engine_name
from ..engine.compiler import facts_for
from ..engine.protocol import Engine
from ..errors import AdvisorError, Problem
from ..i18n import LANGS
from ..knowledge.load import Knowledge, shipped_knowledge
from ..schema import Advice, Answers, Comparison, Explanation, WhyNot
from .assembly import build_advice
from .compare import comparison_of
from .consultation import Consultation
from .explain import explanation_of, target_kind, why_not_of


class Advisor:
    """A knowledge base and its rule engine: turns answers into advice. Safe to share between
    threads (each engine guards its own consultations)."""

    def __init__(self, knowledge: Knowledge, engine: Engine):
        self.knowledge = knowledge
        self.engine = engine

    def consult(self, answers: Answers) -> Consultation:
        """Run the rules on validated answers."""
        facts = facts_for(answers)
        return Consultation(self.knowledge, answers, facts, self.engine.run(facts))

    def advise(self, answers: Answers | dict[str, Any], lang: str = "en") -> Advice:
        """The advice for one set of answers; AdvisorError for invalid answers or language."""
        _check_lang(lang)
        return self.advice_of(self.consult(parse_answers(answers, lang=lang, knowledge=self.knowledge)), lang)

    def advice_of(self, consultation: Consultation, lang: str) -> Advice:
        return build_advice(self.knowledge, consultation.answers, consultation.firings, lang)

    def fired(self, answers: Answers | dict[str, Any]) -> dict[str, tuple[str, ...]]:
        """Rule id -> the goals it fired for (empty for rules without a goal pattern)."""
        parsed = parse_answers(answers, knowledge=self.knowledge)
        fired: dict[str, tuple[str, ...]] = {}
        for firing in self.engine.run(facts_for(parsed)):
            fired[firing.rule] = tuple(dict.fromkeys(fired.get(firing.rule, ()) + firing.goals))
        return fired

    def explain(self, answers: Answers, lang: str = "en") -> Explanation:
        """How the advice came about: answers, derived facts, rules, conditions, evidence."""
        consultation = self.consult(answers)
        return explanation_of(consultation, self.advice_of(consultation, lang))

    def why_not(self, answers: Answers, target: str, lang: str = "en") -> WhyNot:
        """Why a recommendation, warning, caveat or rule is (not) in the advice."""
        target_kind(self.knowledge, target)  # an unknown id is an error before anything runs
        consultation = self.consult(answers)
        return why_not_of(consultation, self.advice_of(consultation, lang), target)

    def compare(
        self, before: Answers, after: Answers, *, lang: str = "en", sources: tuple[str, str] = ("before", "after")
    ) -> Comparison:
        """How the advice for two sets of answers differs, and which rules made the difference."""
        first, second = self.consult(before), self.consult(after)
        return comparison_of(first, second, self.advice_of(first, lang), self.advice_of(second, lang), sources=sources)


_lock = threading.Lock()
_advisors: "weakref.WeakKeyDictionary[Knowledge, dict[str, Advisor]]" = weakref.WeakKeyDictionary()


def advisor_for(knowledge: Knowledge | None = None, engine: str | None = None) -> Advisor:
    """The advisor of a knowledge base (the shipped one by default) with an engine (by default
    durable_rules where it imports, else the Python engine; see engine/choice.py): one per
    knowledge base and engine, made on first use and kept as long as the knowledge base."""
    knowledge = knowledge or shipped_knowledge()
    name = resolve_engine_name(engine)
    with _lock:
        kept = _advisors.setdefault(knowledge, {})
        if name not in kept:
            kept[name] = Advisor(knowledge, make_engine(knowledge, name))
        return kept[name]


def advise(
    answers: Answers | dict[str, Any],
    *,
    lang: str = "en",
    knowledge: Knowledge | None = None,
    engine: str | None = None,
) -> Advice:
    """Advice for one set of answers. Raises AdvisorError on invalid answers."""
    _check_lang(lang)
    return advisor_for(knowledge, engine).advise(answers, lang)


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise AdvisorError(
            Problem(source="advise", field="lang", message=f"unknown language {lang!r}", hint=" or ".join(LANGS))
        )
