"""Rules read against one consultation: which conditions hold, with the actual and the required
values. The engine decides what fires; this module says why, in the terms of rules/.

Each condition is read by evaluating the rule's own compiled test (engine/compiler.py) on the
facts of the consultation with the evaluator of the compiled language (engine/python.py): the
semantics the engines run, in one place. So a known share compares its number, and a share that
is not known has no number: every numeric test on it fails, exactly as in the engines.
"""

from __future__ import annotations

from typing import Any, Iterable

from ..engine.compiler import compile_test, derived_fact, pattern_name, value_field
from ..engine.python import test_of
from ..knowledge.load import Knowledge
from ..schema import Condition, ParamRef, Pattern, PatternRef, Rule, RuleTrace
from ..vocabulary import UNKNOWN
from .consultation import Consultation


def trace_rule(consultation: Consultation, rule: Rule, *, lang: str = "en", seen: frozenset = frozenset()) -> RuleTrace:
    """A rule with each of its conditions read against the consultation (its description in lang)."""
    seen = seen | {rule.id}
    conditions: list[Condition] = []
    named: dict[str, Any] = {}  # pattern name -> the value it matched, for {ref: name}
    bound: dict[str, dict] = {}  # pattern name -> the fact it matched, for the compiled reference tests
    fields: dict[str, str] = {}  # pattern name -> the field its value is in
    for index, pattern in enumerate(rule.when):
        found, matched = _pattern_conditions(consultation, pattern, named, bound, fields, seen, lang)
        conditions.extend(found)
        name = pattern_name(pattern, index)
        if matched is not None:  # a later reference reads the fact this pattern matched, as in the engines
            bound[name] = matched
        fields[name] = value_field(pattern)
        if pattern.as_:
            named[pattern.as_] = _actual(consultation, pattern)
    then = rule.then
    value = next(iter(then.derive.values())) if then.derive else None
    return RuleTrace(
        rule=rule.id,
        description=rule.description.get(lang),
        fired=rule.id in consultation.fired,
        goals=list(consultation.fired.get(rule.id, [])),
        conclusion=then.kind,
        target=then.target,
        value=value,
        conditions=conditions,
        findings=list(rule.findings),
    )


def _pattern_conditions(
    consultation: Consultation, pattern: Pattern, named: dict, bound: dict, fields: dict, seen: frozenset, lang: str
) -> tuple[list[Condition], dict | None]:
    """The conditions of one pattern, and the first fact that meets all of them (or None)."""
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
        ], None
    actual = _actual(consultation, pattern)
    facts = consultation.facts_of(pattern.kind, pattern.answer or pattern.derived)
    conditions = []
    passing = list(facts)  # the facts that meet every test so far
    for test, operand in pattern.tests():
        param = operand.param if isinstance(operand, ParamRef) else None
        ref = operand.ref if isinstance(operand, PatternRef) else None
        if param:
            required = knowledge.param(param)
        elif ref:
            required = named.get(ref, UNKNOWN)
        else:
            required = operand
        holds = _compiled(knowledge, pattern, test, operand, fields, bound)
        met = any(holds(fact) for fact in facts)
        passing = [fact for fact in passing if holds(fact)]
        producers = []
        if pattern.kind == "derived":
            producers = _producers(consultation, pattern.derived or "", holds, met, seen, lang)
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
    return conditions, (passing[0] if passing else None)


def _compiled(knowledge: Knowledge, pattern: Pattern, test: str, operand: Any, fields: dict, bound: dict):
    """The compiled test, as a function of the fact under test (references read the bound facts)."""
    condition = compile_test(pattern, test, operand, knowledge, fields)
    check, joins = test_of(condition, fields, where=f"{pattern.subject}.{test}")

    def holds(fact: dict) -> bool:
        if not check(fact):
            return False
        try:
            return all(join(fact, bound) for join in joins)
        except KeyError:  # the pattern it refers to matched no fact: nothing to compare with
            return False

    return holds


def _actual(consultation: Consultation, pattern: Pattern) -> Any:
    if pattern.kind == "answer":
        return consultation.values[pattern.answer or ""]
    if pattern.kind == "derived":
        return consultation.derived_values(pattern.derived or "")
    return list(consultation.goals)


def _producers(consultation: Consultation, name: str, holds, met: bool, seen: frozenset, lang: str) -> list[RuleTrace]:
    """The derive rules behind a derived condition: those that fired with a value that meets it,
    or, when it failed, those that would have given a value that meets it."""
    found = []
    for rule in consultation.knowledge.rules:
        if rule.id in seen or not rule.then.derive or name not in rule.then.derive:
            continue
        if not holds(derived_fact(rule.id, name, rule.then.derive[name])):
            continue
        if met and rule.id not in consultation.fired:
            continue
        found.append(trace_rule(consultation, rule, lang=lang, seen=seen))
    return found


def would_fire(trace: RuleTrace) -> bool:
    """Whether every condition of a traced rule holds (the engine's verdict, read from the rule)."""
    return all(condition.met for condition in trace.conditions)


def concluding(knowledge: Knowledge, target: str, kinds: Iterable[str] = ("recommend", "warn", "caveat")) -> list[Rule]:
    """The rules that conclude a recommendation, warning or caveat."""
    return [rule for rule in knowledge.rules if rule.then.kind in kinds and rule.then.target == target]
