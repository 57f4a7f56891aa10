"""The advice, assembled from what the rules concluded: worded, ordered and cited from the data.

The engine only says which rules fired for which goals. Everything a user reads is assembled
here from the knowledge base, in an order fixed by the data (never by the engine's agenda), so
the same answers always give the same advice, byte for byte, whichever engine ran the rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

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

_STATUS_ORDER = {"gap": 0, "sustain": 1}
_BASIS_ORDER = {"finding": 0, "conclusion": 1}  # an authors' conclusion ranks after a measured finding


@dataclass
class _Concluded:
    """One recommendation, warning or caveat, with the rules that concluded it and their goals."""

    kind: str  # recommend, warn or caveat
    target: str
    rules: dict[str, set[str]] = field(default_factory=dict)  # rule id -> the goals it fired for
    goals: set[str] = field(default_factory=set)


def build_advice(knowledge: Knowledge, answers: Answers, firings: Iterable[Firing], lang: str) -> Advice:
    """The advice for these answers, from the firings of one consultation."""
    rank = {goal: index for index, goal in enumerate(answers.goals)}
    fired, concluded = _group(knowledge, firings)
    recommendations: list[AdviceRecommendation] = []
    warnings: list[AdviceNotice] = []
    caveats: list[AdviceNotice] = []
    for item in concluded:
        rules = sorted(item.rules, key=knowledge.rule_order.__getitem__)
        goals = sorted(item.goals, key=rank.__getitem__)
        evidence = _evidence(knowledge, item.rules, lang)
        if item.kind == "recommend":
            recommendations.append(_recommendation(knowledge, item.target, goals, rules, evidence, lang))
        else:
            notice = knowledge.notices[item.target]
            entry = AdviceNotice(id=item.target, text=notice.text.get(lang), goals=goals, evidence=evidence, rules=rules)
            (warnings if item.kind == "warn" else caveats).append(entry)
    recommendations.sort(key=lambda item: _recommendation_key(knowledge, rank, item))
    recommendations = [item.model_copy(update={"priority": n}) for n, item in enumerate(recommendations, 1)]
    warnings.sort(key=lambda item: _notice_key(knowledge, rank, item))
    caveats.sort(key=lambda item: _notice_key(knowledge, rank, item))
    return Advice(
        knowledge_version=knowledge.version,
        lang=lang,
        goals=list(answers.goals),
        strategy=[_strategy(knowledge, goal, lang) for goal in answers.goals],
        recommendations=recommendations,
        warnings=warnings,
        caveats=caveats,
        unknowns=_unknowns(knowledge, answers),
        trace=trace_of(knowledge, fired),
        measured=_measured(answers),
    )


def _group(knowledge: Knowledge, firings: Iterable[Firing]) -> tuple[set[str], list[_Concluded]]:
    """The rules that fired, and what they concluded (derived facts aside), in order of arrival."""
    fired: set[str] = set()
    by_conclusion: dict[tuple[str, str], _Concluded] = {}
    for firing in firings:
        fired.add(firing.rule)
        then = knowledge.rules_by_id[firing.rule].then
        if then.derive:
            continue
        entry = by_conclusion.setdefault((then.kind, then.target), _Concluded(then.kind, then.target))
        entry.rules.setdefault(firing.rule, set()).update(firing.goals)
        entry.goals.update(firing.goals)
    return fired, list(by_conclusion.values())


def _recommendation(
    knowledge: Knowledge, target: str, goals: list[str], rules: list[str], evidence: list[Evidence], lang: str
) -> AdviceRecommendation:
    definition = knowledge.recommendations[target]
    return AdviceRecommendation(
        id=target,
        priority=0,
        title=definition.title.get(lang),
        summary=definition.summary.get(lang),
        goals=goals,
        levers=list(definition.levers),
        status=definition.status,
        basis=definition.basis,
        evidence=evidence,
        practice=[Tactic(text=t.get(lang)) for t in definition.practice],
        rules=rules,
    )


def _recommendation_key(knowledge: Knowledge, rank: dict[str, int], item: AdviceRecommendation) -> tuple:
    """Those backed by a measured finding before those resting on an authors' conclusion; gaps
    before strengths; then the user's goal order; then the recommendation's weight."""
    definition = knowledge.recommendations[item.id]
    first_goal = min((rank[g] for g in item.goals), default=len(rank))
    return (_BASIS_ORDER[item.basis], _STATUS_ORDER[item.status], first_goal, -definition.weight, item.id)


def _notice_key(knowledge: Knowledge, rank: dict[str, int], item: AdviceNotice) -> tuple:
    """Notices for every goal (and for none in particular) first, then in the user's goal order."""
    general = any(_is_general(knowledge.rules_by_id[rule_id]) for rule_id in item.rules)
    first_goal = -1 if general else min((rank[g] for g in item.goals), default=-1)
    return (first_goal, knowledge.rule_order[item.rules[0]], item.id)


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
        return Evidence(
            finding=finding.id,
            kind="finding",
            construct=finding.construct,
            usage=finding.usage,
            relation=finding.relation,
            inferred=finding.inferred,
            strength=finding.strength.get(lang) if finding.strength else None,
            summary=finding.summary.get(lang),
            quote=finding.quote,
            note=finding.note.get(lang) if finding.note else None,
        )
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


def _measured(answers: Answers) -> Measured | None:
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


def _unknowns(knowledge: Knowledge, answers: Answers) -> list[Unknown]:
    needs = knowledge.dependencies.needs(tuple(answers.goals))
    return [
        Unknown(answer=key, goals=needs[key]["goals"], rules=needs[key]["rules"])
        for key in ANSWER_KEYS
        if key in needs and answers.value(key) == UNKNOWN
    ]
