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
from operator import attrgetter
from typing import Any

from ..answers.read import parse_answers
from ..engine.choice import make_engine, resolve_engine_name
from ..engine.compiler import facts_for
from ..engine.protocol import Engine
from ..errors import AdvisorError, Problem
from ..i18n import LANGS
from ..knowledge.load import Knowledge, shipped_knowledge
from ..schema import Advice, Answers, Comparison, Explanation, WhyNot
from .assembly import Conclusions, build_advice, combined, conclusions_of, with_measured
from .compare import comparison_of
from .consultation import Consultation
from .explain import explanation_of, target_kind, why_not_of
from .kept import Kept
from .tables import Case, DecisionTables
from ..vocabulary import ANSWER_KEYS

_values = attrgetter(*ANSWER_KEYS)  # an answers' values in ANSWER_KEYS order


class Advisor:
    """A knowledge base and its rule engine: turns answers into advice. Safe to share between
    threads (each engine guards its own consultations).

    The engine's firings are memoised in decision tables derived from the rules (tables.py), and
    the advice for each distinct case (goals in order, the bands of the answers, the language) is
    kept, up to ADVICE_KEPT of them: advice is immutable, so every caller may be given the same."""

    ADVICE_KEPT = 1024
    CONCLUSIONS_KEPT = 4096

    def __init__(self, knowledge: Knowledge, engine: Engine):
        self.knowledge = knowledge
        self.engine = engine
        self.tables = DecisionTables(knowledge, engine)
        self._advice: Kept[Advice] = Kept(self.ADVICE_KEPT)
        self._conclusions: Kept[Conclusions] = Kept(self.CONCLUSIONS_KEPT)  # per table entry
        # no recommendation, warning or caveat is concluded by rules of two tables: what the
        # entries conclude need not be merged
        tables_of: dict[tuple[str, str], set[int]] = {}
        for number, group in enumerate(self.tables.groups):
            for rule_id in group.rules:
                then = knowledge.rules_by_id[rule_id].then
                if not then.derive:
                    tables_of.setdefault((then.kind, then.target), set()).add(number)
        self._disjoint = all(len(numbers) == 1 for numbers in tables_of.values())

    def case_of(self, answers: Answers) -> Case:
        """What the decision tables read of validated answers."""
        return self.tables.case(tuple(answers.goals), _values(answers))

    def consult(self, answers: Answers) -> Consultation:
        """Run the rules on validated answers."""
        answers = parse_answers(answers, knowledge=self.knowledge)  # a band no rule can decide is an error
        firings = list(self.tables.firings(self.case_of(answers)))
        return Consultation(self.knowledge, answers, facts_for(answers), firings)

    def advise(self, answers: Answers | dict[str, Any], lang: str = "en") -> Advice:
        """The advice for one set of answers; AdvisorError for invalid answers or language.
        The advice is shared and immutable (its lists too): copy what you want to change."""
        _check_lang(lang)
        parsed = parse_answers(answers, lang=lang, knowledge=self.knowledge)
        case = self.case_of(parsed)
        return with_measured(self._advice.get((lang, case.key), lambda: self._assemble(parsed, case, lang)), parsed)

    def _assemble(self, answers: Answers, case: Case, lang: str) -> Advice:
        pieces = [
            self._conclusions.get(entry.number, lambda entry=entry: conclusions_of(self.knowledge, entry.firings))
            for entry in self.tables.entries(case)
        ]
        conclusions = combined(self.knowledge, pieces, disjoint=self._disjoint)
        return build_advice(self.knowledge, answers, (), lang, conclusions)

    def advice_of(self, consultation: Consultation, lang: str) -> Advice:
        answers = consultation.answers
        return with_measured(build_advice(self.knowledge, answers, consultation.firings, lang), answers)

    def fired(self, answers: Answers | dict[str, Any]) -> dict[str, tuple[str, ...]]:
        """Rule id -> the goals it fired for (empty for rules without a goal pattern)."""
        parsed = parse_answers(answers, knowledge=self.knowledge)
        fired: dict[str, tuple[str, ...]] = {}
        for firing in self.tables.firings(self.case_of(parsed)):
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
