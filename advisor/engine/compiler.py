"""Compile the rule set (data) into durable_rules ruleset definitions, and answers into facts.

The condition language of rules/ is engine-neutral; this module is the only place that knows
durable_rules' JSON form. The same compiled definition is what `advisor export` ships and what
the pure-Python evaluator reads, so both engines decide from one source.

Facts (every fact has ``t``, its type, and an ``id`` unique within the consultation):
  goal     {t: goal, goal: alignment, rank: 1}
  answer   {t: answer, key: usage.active_share, value: known, number: 8}    a share
           {t: answer, key: usage.active_share, value: known, number: 37.5}  a band (25-50): its midpoint
           {t: answer, key: usage.active_frequency, value: weekly}          a choice
           {t: answer, key: ..., value: unknown}                            not known
  derived  {t: derived, name: active_breadth, value: low, by: RULE-ID}     asserted by rules
"""

from __future__ import annotations

from typing import Any

from ..knowledge.load import Knowledge
from ..schema import Answers, ParamRef, Pattern, PatternRef, Rule
from ..schema.shares import share_number
from ..vocabulary import ANSWER_KEYS, SHARE_ANSWERS, UNKNOWN

# A rule that every fact enters but that can never complete, so durable_rules never raises
# MessageNotHandledException for a fact no real rule reads (e.g. an answer no goal needs).
CATCH_ALL_RULE = "$catch-all"
CATCH_ALL = {"all": [{"any": {"$ex": {"t": 1}}}, {"never": {"t": "$never"}}]}

_OPERATORS = {"is_not": "$neq", "lt": "$lt", "lte": "$lte", "gt": "$gt", "gte": "$gte"}


def compile_rules(knowledge: Knowledge) -> dict[str, dict[str, Any]]:
    """The durable_rules definition of every rule (without actions), keyed by rule id."""
    return {rule.id: compile_rule(rule, knowledge) for rule in knowledge.rules}


def compile_rule(rule: Rule, knowledge: Knowledge) -> dict[str, Any]:
    patterns = []
    fields: dict[str, str] = {}  # pattern name -> field its value is in, for {ref: name}
    for index, pattern in enumerate(rule.when):
        name = pattern_name(pattern, index)
        patterns.append({name: _and(_pattern_tests(pattern, knowledge, fields))})
        fields[name] = value_field(pattern)
    return {"all": patterns}


def pattern_name(pattern: Pattern, index: int) -> str:
    return pattern.as_ or f"p{index}"


def _pattern_tests(pattern: Pattern, knowledge: Knowledge, fields: dict[str, str]) -> list[dict]:
    if pattern.kind == "goal":
        goals = pattern.goals()
        tests: list[dict] = [{"t": "goal"}]
        if pattern.goal != "any":
            tests.append(_or([{"goal": goal} for goal in goals]))
        return tests
    tests = pattern_base(pattern)
    alternatives = []  # "one of" tests go last: durable_rules skips the tests after an $or that holds
    for test, operand in pattern.tests():
        (alternatives if test == "in" else tests).append(compile_test(pattern, test, operand, knowledge, fields))
    return tests + alternatives


def pattern_base(pattern: Pattern) -> list[dict]:
    """The tests that pick the fact an answer or derived pattern reads (its type and key or name)."""
    if pattern.kind == "answer":
        return [{"t": "answer"}, {"key": pattern.answer}]
    return [{"t": "derived"}, {"name": pattern.derived}]


def compile_test(pattern: Pattern, test: str, operand: Any, knowledge: Knowledge, fields: dict[str, str]) -> dict:
    """One test of a pattern (``lt: {param: active_share_low}``) as a durable_rules condition.
    ``fields`` names the field each earlier pattern's value is in, for ``{ref: NAME}``. The
    explanation of a consultation (advisor/reasoning/trace.py) evaluates these same conditions."""
    if isinstance(operand, PatternRef):
        value: Any = {operand.ref: fields[operand.ref]}
        field = _value_field(pattern, 0)
    else:
        value = knowledge.param(operand.param) if isinstance(operand, ParamRef) else operand
        field = _value_field(pattern, value)
    if test == "in":
        return _or([{_value_field(pattern, item): item} for item in value])
    if test == "is":
        return {field: value}
    return {_OPERATORS[test]: {field: value}}


def value_field(pattern: Pattern) -> str:
    """The field of the fact that holds the value a pattern names with ``as``."""
    return _value_field(pattern, None)


def _value_field(pattern: Pattern, value: Any) -> str:
    """Shares keep their number in `number`; everything else (and 'unknown') is in `value`."""
    if pattern.answer in SHARE_ANSWERS and not isinstance(value, str):
        return "number"
    return "value"


def _and(tests: list[dict]) -> dict:
    return tests[0] if len(tests) == 1 else {"$and": tests}


def _or(tests: list[dict]) -> dict:
    # durable_rules has no $in operator (error 202): "one of" is an $or of equalities
    return tests[0] if len(tests) == 1 else {"$or": tests}


def facts_for(answers: Answers) -> list[dict[str, Any]]:
    """The facts one consultation asserts: one per goal and one per answer."""
    return facts_of(tuple(answers.goals), tuple(answers.value(key) for key in ANSWER_KEYS))


def facts_of(goals: tuple[str, ...], values: tuple[Any, ...]) -> list[dict[str, Any]]:
    """The facts for goals (most important first) and the answers' values in ANSWER_KEYS order."""
    facts = [goal_fact(goal, rank) for rank, goal in enumerate(goals, start=1)]
    facts.extend(answer_fact(key, value) for key, value in zip(ANSWER_KEYS, values))
    return facts


def goal_fact(goal: str, rank: int) -> dict[str, Any]:
    return {"id": f"goal:{goal}", "t": "goal", "goal": goal, "rank": rank}


def answer_fact(key: str, value: Any) -> dict[str, Any]:
    """The fact of one answer: a known share keeps its number in ``number``; a band, the number
    that stands for it (schema/shares.py: the one function the decision tables key it by too)."""
    if key in SHARE_ANSWERS and value != UNKNOWN:
        return {"id": f"answer:{key}", "t": "answer", "key": key, "value": "known", "number": share_number(value)}
    return {"id": f"answer:{key}", "t": "answer", "key": key, "value": value}


def derived_fact(rule_id: str, name: str, value: str) -> dict[str, Any]:
    return {"id": f"derived:{name}:{rule_id}", "t": "derived", "name": name, "value": value, "by": rule_id}
