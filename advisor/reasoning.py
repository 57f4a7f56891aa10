"""From answers to advice: run the rules, then assemble, order and cite the result.

The engine only says which rules fired for which goals. Everything a user reads is assembled
here from the knowledge base, in an order fixed by the data (never by the engine's agenda), so
the same answers always give the same advice, byte for byte, whichever engine ran the rules.
"""

from __future__ import annotations

import threading
from typing import Any, Iterable

from .compiler import facts_for
from .dependencies import dependencies
from .engine import Firing
from .errors import AdvisorError, Problem
from .knowledge import Knowledge, load_knowledge
from .loader import Document, problems_from
from .schema import (
    Advice,
    AdviceNotice,
    AdviceRecommendation,
    Answers,
    Evidence,
    Strategy,
    Tactic,
    Unknown,
)
from .vocabulary import ANSWER_KEYS, UNKNOWN

_STATUS_ORDER = {"gap": 0, "sustain": 1}
_BASIS_ORDER = {"finding": 0, "conclusion": 1}  # an authors' conclusion ranks after a measured finding

_default_lock = threading.Lock()
_default: Knowledge | None = None
_engine_lock = threading.Lock()


def default_knowledge() -> Knowledge:
    """The shipped knowledge base, loaded once per process."""
    global _default
    with _default_lock:
        if _default is None:
            _default = load_knowledge()
        return _default


def engine_for(knowledge: Knowledge, name: str | None = None):
    """The engine of a knowledge base: one per knowledge base and engine kind, made on first use."""
    from .engines import make_engine, resolve_engine_name

    key = resolve_engine_name(name)  # "durable" or "python": --engine, ADVISOR_ENGINE, or what imports
    with _engine_lock:
        engines = knowledge.__dict__.setdefault("_engines", {})
        if key not in engines:
            engines[key] = make_engine(knowledge, key)
        return engines[key]


def parse_answers(answers: Answers | dict[str, Any], source: str = "answers") -> Answers:
    if isinstance(answers, Answers):
        return answers
    if not isinstance(answers, dict):
        raise AdvisorError(
            Problem(source=source, message=f"expected a mapping of answers, got {type(answers).__name__}")
        )
    from pydantic import ValidationError

    try:
        return Answers.model_validate(answers)
    except ValidationError as error:
        raise AdvisorError(problems_from(error, Document(source=source, data=answers))) from None


def advise(
    answers: Answers | dict[str, Any],
    *,
    lang: str = "en",
    knowledge: Knowledge | None = None,
    engine: str | None = None,
) -> Advice:
    """Advice for one set of answers. Raises AdvisorError on invalid answers."""
    if lang not in ("en", "nl"):
        raise AdvisorError(Problem(source="advise", field="lang", message=f"unknown language {lang!r}", hint="en or nl"))
    parsed = parse_answers(answers)
    knowledge = knowledge or default_knowledge()
    firings = engine_for(knowledge, engine).run(facts_for(parsed))
    return build_advice(knowledge, parsed, firings, lang)


def build_advice(knowledge: Knowledge, answers: Answers, firings: Iterable[Firing], lang: str) -> Advice:
    rank = {goal: index for index, goal in enumerate(answers.goals)}
    by_conclusion: dict[tuple[str, str], dict[str, Any]] = {}
    fired: set[str] = set()
    for firing in firings:
        fired.add(firing.rule)
        rule = knowledge.rules_by_id[firing.rule]
        if rule.then.derive:
            continue
        entry = by_conclusion.setdefault((rule.then.kind, rule.then.target), {"rules": {}, "goals": set()})
        entry["rules"].setdefault(rule.id, set()).update(firing.goals)
        entry["goals"].update(firing.goals)

    def ordered_goals(goals: set[str]) -> list[str]:
        return sorted(goals, key=rank.__getitem__)

    def ordered_rules(rules: set[str]) -> list[str]:
        return sorted(rules, key=knowledge.rule_order.__getitem__)

    recommendations = []
    warnings = []
    caveats = []
    for (kind, target), entry in by_conclusion.items():
        rules = ordered_rules(set(entry["rules"]))
        goals = ordered_goals(entry["goals"])
        evidence = _evidence(knowledge, entry["rules"], lang)
        if kind == "recommend":
            definition = knowledge.recommendations[target]
            recommendations.append(
                AdviceRecommendation(
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
            )
        else:
            notice = knowledge.notices[target]
            item = AdviceNotice(id=target, text=notice.text.get(lang), goals=goals, evidence=evidence, rules=rules)
            (warnings if kind == "warn" else caveats).append(item)

    def recommendation_key(item: AdviceRecommendation):
        definition = knowledge.recommendations[item.id]
        first_goal = min((rank[g] for g in item.goals), default=len(rank))
        return (_BASIS_ORDER[item.basis], _STATUS_ORDER[item.status], first_goal, -definition.weight, item.id)

    def notice_key(item: AdviceNotice):
        # notices for every goal (and for none in particular) first, then in the user's goal order
        general = any(_is_general(knowledge.rules_by_id[rule_id]) for rule_id in item.rules)
        first_goal = -1 if general else min((rank[g] for g in item.goals), default=-1)
        return (first_goal, knowledge.rule_order[item.rules[0]], item.id)

    recommendations.sort(key=recommendation_key)
    recommendations = [item.model_copy(update={"priority": n}) for n, item in enumerate(recommendations, 1)]
    warnings.sort(key=notice_key)
    caveats.sort(key=notice_key)

    strata = dependencies(knowledge).strata
    trace = sorted(fired, key=lambda rule_id: (strata[rule_id], knowledge.rule_order[rule_id]))
    return Advice(
        knowledge_version=knowledge.version,
        lang=lang,
        goals=list(answers.goals),
        strategy=[_strategy(knowledge, goal, lang) for goal in answers.goals],
        recommendations=recommendations,
        warnings=warnings,
        caveats=caveats,
        unknowns=_unknowns(knowledge, answers),
        trace=trace,
    )


def _is_general(rule) -> bool:
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


def _unknowns(knowledge: Knowledge, answers: Answers) -> list[Unknown]:
    needs = dependencies(knowledge).needs(tuple(answers.goals))
    return [
        Unknown(answer=key, goals=needs[key]["goals"], rules=needs[key]["rules"])
        for key in ANSWER_KEYS
        if key in needs and answers.value(key) == UNKNOWN
    ]
