"""Rules read against one consultation: which conditions hold, with the actual and the required
values. The engine decides what fires; this module says why, in the terms of rules/.

Tests read the facts the way the compiled rules do (compiler.py): a share compares its number,
and a share that is not known has no number, so every numeric test on it fails.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from .compiler import facts_for
from .engine import Firing
from .knowledge import Knowledge
from .schema import Answers, Condition, ParamRef, Pattern, PatternRef, Rule, RuleTrace
from .vocabulary import ANSWER_KEYS, SHARE_ANSWERS, UNKNOWN


@dataclass
class Consultation:
    """The facts of one consultation: goals, answers, and what the rules derived and fired."""

    knowledge: Knowledge
    answers: Answers
    firings: list[Firing]
    goals: tuple[str, ...] = ()
    values: dict[str, Any] = field(default_factory=dict)  # answer key -> value
    derived: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # name -> [(value, rule)]
    fired: dict[str, list[str]] = field(default_factory=dict)  # rule -> goals it fired for
    lang: str = "en"  # the language rule descriptions are read in

    def __post_init__(self) -> None:
        self.goals = tuple(self.answers.goals)
        self.values = {key: self.answers.value(key) for key in ANSWER_KEYS}
        for firing in self.firings:
            goals = self.fired.setdefault(firing.rule, [])
            goals.extend(g for g in firing.goals if g not in goals)
        for rule in self.knowledge.rules:  # in rule order, so the explanation reads the same each time
            if rule.id in self.fired and rule.then.derive:
                name, value = next(iter(rule.then.derive.items()))
                self.derived.setdefault(name, []).append((value, rule.id))
        rank = {goal: index for index, goal in enumerate(self.goals)}
        for goals in self.fired.values():
            goals.sort(key=lambda goal: rank.get(goal, len(rank)))

    def derived_values(self, name: str) -> list[str]:
        seen: list[str] = []
        for value, _ in self.derived.get(name, []):
            if value not in seen:
                seen.append(value)
        return seen


def consult(knowledge: Knowledge, answers: Answers, engine: str | None = None, lang: str = "en") -> Consultation:
    """Run the rules on the answers and keep every fact the explanation needs."""
    from .reasoning import engine_for

    firings = engine_for(knowledge, engine).run(facts_for(answers))
    return Consultation(knowledge, answers, firings, lang=lang)


def trace_rule(consultation: Consultation, rule: Rule, *, depth: int = 0, seen: frozenset = frozenset()) -> RuleTrace:
    """A rule with each of its conditions read against the consultation."""
    seen = seen | {rule.id}
    conditions: list[Condition] = []
    named: dict[str, Any] = {}  # pattern name -> the value it matched, for {ref: name}
    for pattern in rule.when:
        found = _pattern_conditions(consultation, pattern, named, seen)
        conditions.extend(found)
        if pattern.as_:
            named[pattern.as_] = _actual(consultation, pattern)
    then = rule.then
    value = next(iter(then.derive.values())) if then.derive else None
    return RuleTrace(
        rule=rule.id,
        description=rule.description.get(consultation.lang),
        fired=rule.id in consultation.fired,
        goals=list(consultation.fired.get(rule.id, [])),
        conclusion=then.kind,
        target=then.target,
        value=value,
        conditions=conditions,
        findings=list(rule.findings),
    )


def _pattern_conditions(consultation: Consultation, pattern: Pattern, named: dict, seen: frozenset) -> list[Condition]:
    knowledge = consultation.knowledge
    if pattern.kind == "goal":
        accepted = list(pattern.goals())
        chosen = list(consultation.goals)
        return [
            Condition(
                kind="goal",
                subject="goal",
                test="in",
                required=accepted,
                actual=chosen,
                met=any(goal in accepted for goal in chosen),
            )
        ]
    actual = _actual(consultation, pattern)
    conditions = []
    for test, operand in pattern.tests():
        param = operand.param if isinstance(operand, ParamRef) else None
        ref = operand.ref if isinstance(operand, PatternRef) else None
        if param:
            required = knowledge.param(param)
        elif ref:
            required = named.get(ref, UNKNOWN)
        else:
            required = operand
        if pattern.kind == "derived":
            met = any(holds(test, value, required, share=False) for value in actual)
        else:
            met = holds(test, actual, required, share=pattern.answer in SHARE_ANSWERS)
        producers = []
        if pattern.kind == "derived":
            producers = _producers(consultation, pattern.derived or "", test, required, met, seen)
        conditions.append(
            Condition(
                kind=pattern.kind,
                subject=pattern.subject,
                test=test,
                required=required,
                param=param,
                ref=ref,
                actual=actual,
                met=met,
                producers=producers,
            )
        )
    return conditions


def _actual(consultation: Consultation, pattern: Pattern) -> Any:
    if pattern.kind == "answer":
        return consultation.values[pattern.answer or ""]
    if pattern.kind == "derived":
        return consultation.derived_values(pattern.derived or "")
    return list(consultation.goals)


def _producers(consultation: Consultation, name: str, test: str, required: Any, met: bool, seen: frozenset) -> list[RuleTrace]:
    """The derive rules behind a derived condition: those that fired with a value that meets it,
    or, when it failed, those that would have given a value that meets it."""
    found = []
    for rule in consultation.knowledge.rules:
        if rule.id in seen or not rule.then.derive or name not in rule.then.derive:
            continue
        value = rule.then.derive[name]
        if not holds(test, value, required, share=False):
            continue
        if met and rule.id not in consultation.fired:
            continue
        found.append(trace_rule(consultation, rule, seen=seen))
    return found


def holds(test: str, actual: Any, required: Any, *, share: bool) -> bool:
    """Whether one test holds for one value, as the compiled rule decides it."""
    if test == "in":
        return any(holds("is", actual, item, share=share) for item in required)
    numeric_actual = share and actual != UNKNOWN
    if isinstance(required, str) or isinstance(required, bool) or not share:
        # compares the `value` field: a known share reads 'known' there, never a number
        value = "known" if numeric_actual else actual
        if test == "is":
            return value == required
        if test == "is_not":
            return value != required
        return False
    if not numeric_actual:  # an unknown share has no number: every numeric test fails
        return False
    if required == UNKNOWN or not isinstance(required, (int, float)):
        return False
    return {
        "is": actual == required,
        "is_not": actual != required,
        "lt": actual < required,
        "lte": actual <= required,
        "gt": actual > required,
        "gte": actual >= required,
    }[test]


def would_fire(trace: RuleTrace) -> bool:
    """Whether every condition of a traced rule holds (the engine's verdict, read from the rule)."""
    return all(condition.met for condition in trace.conditions)


def concluding(knowledge: Knowledge, target: str, kinds: Iterable[str] = ("recommend", "warn", "caveat")) -> list[Rule]:
    """The rules that conclude a recommendation, warning or caveat."""
    return [rule for rule in knowledge.rules if rule.then.kind in kinds and rule.then.target == target]
