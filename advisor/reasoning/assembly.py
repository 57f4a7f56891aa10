"""The advice, assembled from what the rules concluded: worded, ordered and cited from the data.

The engine only says which rules fired for which goals. Everything a user reads is assembled
here from the knowledge base, in an order fixed by the data (never by the engine's agenda), so
the same answers always give the same advice, byte for byte, whichever engine ran the rules.
"""

from __future__ import annotations

import itertools
import threading
import weakref
from dataclasses import dataclass
from operator import attrgetter
from typing import Iterable, Sequence

from ..engine.protocol import Firing
from ..knowledge.load import Knowledge
from ..schema import (
    Advice,
    AdviceNotice,
    AdviceRecommendation,
    Answers,
    Evidence,
    Measured,
    MeasuredDifference,
    Rule,
    Strategy,
    Tactic,
    Unknown,
)
from ..vocabulary import ANSWER_KEYS, UNKNOWN
from .findings import finding_fields
from .kept import Kept

_values = attrgetter(*ANSWER_KEYS)  # an answers' values in ANSWER_KEYS order

_STATUS_ORDER = {"gap": 0, "sustain": 1}
_BASIS_ORDER = {"finding": 0, "conclusion": 1}  # an authors' conclusion ranks after a measured finding


@dataclass(frozen=True, eq=False)
class Concluded:
    """One recommendation, warning or caveat, with the rules that concluded it and their goals.
    One object per distinct conclusion of a knowledge base (``_Parts.concluded``): compared, and
    used as a key, by identity."""

    kind: str  # recommend, warn or caveat
    target: str
    rules: tuple[str, ...]  # in knowledge-base order
    goals: frozenset[str]
    cited: tuple[tuple[str, tuple[str, ...]], ...]  # each rule and the goals it fired for: what decides the evidence
    general: bool  # a rule of it concerns every goal (or none in particular): such notices come first


@dataclass(frozen=True)
class Conclusions:
    """What the firings of one consultation conclude. It depends on the firings alone, so the
    pipeline keeps it per decision-table entry."""

    concluded: tuple[Concluded, ...]
    trace: tuple[str, ...]  # every rule that fired, in the order the advice's trace lists them

    @property
    def fired(self) -> frozenset[str]:
        return frozenset(self.trace)


def conclusions_of(knowledge: Knowledge, firings: Iterable[Firing]) -> Conclusions:
    """The rules that fired, and what they concluded (derived facts aside)."""
    parts = _parts(knowledge)
    fired: set[str] = set()
    by_conclusion: dict[tuple[str, str], dict[str, set[str]]] = {}
    for firing in firings:
        fired.add(firing.rule)
        conclusion = parts.conclusion[firing.rule]
        if conclusion is not None:
            by_conclusion.setdefault(conclusion, {}).setdefault(firing.rule, set()).update(firing.goals)
    concluded = tuple(
        parts.concluded(kind, target, tuple(sorted((rule_id, tuple(sorted(goals))) for rule_id, goals in rules.items())))
        for (kind, target), rules in by_conclusion.items()
    )
    return Conclusions(concluded, tuple(sorted(fired, key=parts.trace_rank.__getitem__)))


def combined(knowledge: Knowledge, pieces: Sequence[Conclusions], *, disjoint: bool = False) -> Conclusions:
    """What the firings of several disjoint groups of rules conclude together. ``disjoint``:
    no recommendation, warning or caveat is concluded by rules of two of the groups."""
    if len(pieces) == 1:
        return pieces[0]
    parts = _parts(knowledge)
    trace = tuple(sorted(itertools.chain.from_iterable(piece.trace for piece in pieces), key=parts.trace_rank.__getitem__))
    if disjoint:
        return Conclusions(tuple(itertools.chain.from_iterable(piece.concluded for piece in pieces)), trace)
    by_conclusion: dict[tuple[str, str], Concluded] = {}
    for piece in pieces:
        for item in piece.concluded:
            other = by_conclusion.get((item.kind, item.target))
            if other is not None:  # rules of two groups concluded the same
                item = parts.concluded(item.kind, item.target, tuple(sorted(other.cited + item.cited)))
            by_conclusion[(item.kind, item.target)] = item
    return Conclusions(tuple(by_conclusion.values()), trace)


def build_advice(
    knowledge: Knowledge, answers: Answers, firings: Iterable[Firing], lang: str, conclusions: Conclusions | None = None
) -> Advice:
    """The advice for these answers, from the firings of one consultation (or from what they
    conclude, when the caller has that already). The parts that depend only on ids and the
    language (evidence, tactics, strategies, notices) are built once per knowledge base and
    shared: every model of the advice is frozen, and so are its lists."""
    parts = _parts(knowledge)
    if conclusions is None:
        conclusions = conclusions_of(knowledge, firings)
    goal_order = tuple(answers.goals)
    recommendations: list[tuple[tuple, Concluded, tuple[str, ...]]] = []
    warnings: list[tuple[tuple, AdviceNotice]] = []
    caveats: list[tuple[tuple, AdviceNotice]] = []
    for item in conclusions.concluded:
        kind, key, goals, notice = parts.placed(item, goal_order, lang)
        if kind == "recommend":
            recommendations.append((key, item, goals))
        else:
            (warnings if kind == "warn" else caveats).append((key, notice))
    recommendations.sort(key=lambda found: found[0])
    warnings.sort(key=lambda found: found[0])
    caveats.sort(key=lambda found: found[0])
    return Advice(
        knowledge_version=knowledge.version,
        lang=lang,
        goals=list(goal_order),
        strategy=[parts.strategy(goal, lang) for goal in goal_order],
        recommendations=[
            parts.recommendation(item, priority, goals, lang) for priority, (_, item, goals) in enumerate(recommendations, 1)
        ],
        warnings=[notice for _, notice in warnings],
        caveats=[notice for _, notice in caveats],
        unknowns=parts.unknowns(goal_order, tuple(key for key, value in zip(ANSWER_KEYS, _values(answers)) if value == UNKNOWN)),
        trace=list(conclusions.trace),
    )


class _Parts:
    """The parts of advice of one knowledge base, built once per id and language (and, for the
    entries of recommendations, notices and unknowns, per goals and rules too: a finite number,
    kept up to a bound). Every part is a frozen model with frozen lists, so sharing is safe."""

    LIMIT = 4_096  # entries of each kind: the oldest go past that, so memory stays flat

    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        # per rule: what it concludes (None for a derive rule), and whether it concerns every goal
        self.conclusion = {rule.id: None if rule.then.derive else (rule.then.kind, rule.then.target) for rule in knowledge.rules}
        self.general = {rule.id for rule in knowledge.rules if _is_general(rule)}
        # recommendations: those backed by a measured finding before those resting on an authors'
        # conclusion; gaps before strengths; then (added per call) the user's goal order; then
        # the recommendation's weight
        self.recommendation_order = {
            target: (_BASIS_ORDER[item.basis], _STATUS_ORDER[item.status], -item.weight, target)
            for target, item in knowledge.recommendations.items()
        }
        strata = knowledge.dependencies.strata
        # the trace: rules by chaining depth (rules that read only answers first), then in
        # knowledge-base order
        ranked = sorted(knowledge.rules, key=lambda rule: (strata[rule.id], knowledge.rule_order[rule.id]))
        self.trace_rank = {rule.id: index for index, rule in enumerate(ranked)}
        self._cache: dict[str, Kept] = {
            kind: Kept(self.LIMIT)
            for kind in ("concluded", "placed", "evidence", "tactics", "strategy", "recommendation", "notice", "unknowns")
        }

    def _kept(self, kind: str, key, make):
        return self._cache[kind].get(key, make)

    def concluded(self, kind: str, target: str, cited: tuple) -> Concluded:
        def make() -> Concluded:
            return Concluded(
                kind=kind,
                target=target,
                rules=tuple(sorted((rule_id for rule_id, _ in cited), key=self.knowledge.rule_order.__getitem__)),
                goals=frozenset(goal for _, goals in cited for goal in goals),
                cited=cited,
                general=any(rule_id in self.general for rule_id, _ in cited),
            )

        return self._kept("concluded", (kind, target, cited), make)

    def placed(self, item: Concluded, goal_order: tuple[str, ...], lang: str) -> tuple:
        """Where a conclusion goes in the advice for goals in this order: (kind, sort key, its
        goals in the user's order, the notice itself for a warning or caveat)."""

        def make() -> tuple:
            rank = {goal: index for index, goal in enumerate(goal_order)}.__getitem__
            goals = tuple(sorted(item.goals, key=rank))
            if item.kind == "recommend":
                # a measured finding before an authors' conclusion, gaps before strengths, then
                # the user's goal order, then the recommendation's weight
                first_goal = rank(goals[0]) if goals else len(goal_order)
                order = self.recommendation_order[item.target]
                return item.kind, order[:2] + (first_goal,) + order[2:], goals, None
            # notices for every goal (and for none in particular) first, then in the user's goal order
            first_goal = -1 if not goals or item.general else rank(goals[0])
            key = (first_goal, self.knowledge.rule_order[item.rules[0]], item.target)
            return item.kind, key, goals, self.notice(item, goals, lang)

        return self._kept("placed", (item, goal_order, lang), make)

    def evidence(self, cited: tuple, lang: str) -> tuple[Evidence, ...]:
        return self._kept("evidence", (cited, lang), lambda: tuple(_evidence(self.knowledge, dict(cited), lang)))

    def strategy(self, goal: str, lang: str) -> Strategy:
        return self._kept("strategy", (goal, lang), lambda: _strategy(self.knowledge, goal, lang))

    def tactics(self, target: str, lang: str) -> tuple[Tactic, ...]:
        definition = self.knowledge.recommendations[target]
        return self._kept("tactics", (target, lang), lambda: tuple(Tactic(text=t.get(lang)) for t in definition.practice))

    def recommendation(self, item: Concluded, priority: int, goals: tuple[str, ...], lang: str) -> AdviceRecommendation:
        return self._kept(
            "recommendation",
            (item, priority, goals, lang),
            lambda: _recommendation(
                self.knowledge,
                item.target,
                priority,
                list(goals),
                list(item.rules),
                self.evidence(item.cited, lang),
                self.tactics(item.target, lang),
                lang,
            ),
        )

    def notice(self, item: Concluded, goals: tuple[str, ...], lang: str) -> AdviceNotice:
        text = self.knowledge.notices[item.target].text
        return self._kept(
            "notice",
            (item, goals, lang),
            lambda: AdviceNotice(
                id=item.target,
                text=text.get(lang),
                goals=list(goals),
                evidence=list(self.evidence(item.cited, lang)),
                rules=list(item.rules),
            ),
        )

    def unknowns(self, goals: tuple[str, ...], unknown: tuple[str, ...]) -> list[Unknown]:
        def make() -> list[Unknown]:
            needs = self.knowledge.dependencies.needs(goals)
            return [
                Unknown(answer=key, goals=needs[key]["goals"], rules=needs[key]["rules"]) for key in unknown if key in needs
            ]

        return self._kept("unknowns", (goals, unknown), make)


_parts_lock = threading.Lock()
_all_parts: "weakref.WeakKeyDictionary[Knowledge, _Parts]" = weakref.WeakKeyDictionary()


def _parts(knowledge: Knowledge) -> _Parts:
    parts = _all_parts.get(knowledge)
    if parts is None:
        with _parts_lock:
            parts = _all_parts.setdefault(knowledge, _Parts(knowledge))
    return parts


def _recommendation(
    knowledge: Knowledge,
    target: str,
    priority: int,
    goals: list[str],
    rules: list[str],
    evidence: Iterable[Evidence],
    practice: Iterable[Tactic],
    lang: str,
) -> AdviceRecommendation:
    definition = knowledge.recommendations[target]
    return AdviceRecommendation(
        id=target,
        priority=priority,
        title=definition.title.get(lang),
        summary=definition.summary.get(lang),
        goals=goals,
        levers=list(definition.levers),
        status=definition.status,
        basis=definition.basis,
        evidence=list(evidence),
        practice=list(practice),
        rules=rules,
    )


def trace_of(knowledge: Knowledge, fired: Iterable[str]) -> list[str]:
    """The rules that fired by chaining depth (rules that read only answers first), then in
    knowledge-base order: never the engine's agenda."""
    strata = knowledge.dependencies.strata
    return sorted(fired, key=lambda rule_id: (strata[rule_id], knowledge.rule_order[rule_id]))


def _is_general(rule: Rule) -> bool:
    patterns = rule.goal_patterns()
    return not patterns or any(p.goal == "any" for p in patterns)


def _evidence(knowledge: Knowledge, rules: dict[str, set[str]], lang: str) -> list[Evidence]:
    """What the rules that fired cite. A rule that serves several goals cites a finding for each;
    only the findings about the goals it fired for are shown (statements always are)."""
    ids: set[str] = set()
    for rule_id, goals in rules.items():
        rule = knowledge.rules_by_id[rule_id]
        for ref in rule.findings:
            finding = knowledge.findings.get(ref)
            if finding is None or not rule.goal_patterns() or finding.construct in goals:
                ids.add(ref)
    return [evidence_for(knowledge, ref, lang) for ref in sorted(ids, key=knowledge.finding_order.__getitem__)]


def evidence_for(knowledge: Knowledge, ref: str, lang: str) -> Evidence:
    """A finding or statement of the study, as the advice cites it."""
    finding = knowledge.findings.get(ref)
    if finding is not None:
        return Evidence(finding=finding.id, kind="finding", **finding_fields(finding, lang))
    statement = knowledge.statements[ref]
    return Evidence(
        finding=statement.id,
        kind=statement.kind,
        construct=None,
        usage=None,
        relation=None,
        inferred=False,
        strength=None,
        summary=statement.summary.get(lang),
        quote=statement.quote,
        note=None,
    )


def _strategy(knowledge: Knowledge, goal: str, lang: str) -> Strategy:
    profile = knowledge.goal_profiles[goal]
    return Strategy(
        goal=goal,
        label=profile.label.get(lang),
        text=profile.strategy.get(lang),
        steer_on=list(profile.steer_on),
        suggested=list(profile.suggested),
        findings=list(profile.findings),
    )


def measured_of(answers: Answers) -> Measured | None:
    """The provenance of measured usage, with every figure the answers hold otherwise: corrected
    by hand, or not measurable from the export (the answers' value is used), besides those the
    export replaced when it was applied (its value is used)."""
    measured = answers.measured
    if measured is None:
        return None
    differences = [d for d in (measured.differences or []) if d.used == "measured"]
    replaced = {d.answer for d in differences}
    for key in ANSWER_KEYS:
        section, name = key.split(".", 1)
        figure = getattr(measured.figures, name, None) if section == "usage" else None
        if figure is None or key in replaced:
            continue
        answered = answers.value(key)
        if figure.value != answered and answered != UNKNOWN:
            differences.append(MeasuredDifference(answer=key, measured=figure.value, answered=answered, used="answered"))
    order = {key: index for index, key in enumerate(ANSWER_KEYS)}
    differences.sort(key=lambda d: order[d.answer])
    return measured.model_copy(update={"differences": differences or None})



def with_measured(advice: Advice, answers: Answers) -> Advice:
    """The advice, with where its usage figures came from when they were measured. Advice for a
    case is shared between answers; the measured block is each answers' own, so it is added last."""
    if answers.measured is None:
        return advice
    return advice.model_copy(update={"measured": measured_of(answers)})
