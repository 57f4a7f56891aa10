"""A pure-Python evaluator for the compiled rule set: the advisor on any platform.

It reads the same durable_rules definitions that compiler.py writes (and ``advisor export``
ships) and reports the same firings as the durable_rules engine, so ``build_advice`` gives the
same advice, byte for byte; tests/test_conformance.py holds it to that, on the shipped rules and
on generated ones. It is used wherever durable_rules cannot be imported (Python 3.13+, Windows
without a compiler) and on request (``--engine python``).

The part of the durable_rules condition language it evaluates, with durable_rules 2.0.28's
meaning (read from its C source, events.c, and checked against it by the conformance tests):

- A rule is ``{"all": [{NAME: CONDITION}, ...]}``: one fact per pattern, every pattern a
  *different* fact; it fires for each such combination. Facts that firings derive take part
  like any other (chaining) until nothing new is derived.
- A CONDITION is ``{"$and": [...]}``, ``{"$or": [...]}``, ``{FIELD: VALUE}`` (equality),
  ``{"$eq"|"$neq"|"$lt"|"$lte"|"$gt"|"$gte": {FIELD: VALUE}}`` or ``{"$ex"|"$nex": {FIELD: 1}}``.
  A VALUE is a scalar, or ``{PATTERN: FIELD}``: that field of the fact an earlier pattern of the
  rule matched (not inside ``$or``). Anything else is refused when the engine is built.
- A test of a field the fact lacks is false, ``$neq`` included; ``$nex`` is true then. A
  reference to a field the earlier fact lacks fails the consultation (EngineError) whenever the
  fact under test has its own field. durable_rules is not consistent there (its error 311, no
  match, or after an ``$or`` even a match), so a rule set guards what it refers to, as the
  compiler's rules do, and the conformance tests keep to rule sets that do.
- Numbers compare as numbers and text as UTF-8 bytes; a number compared with text is compared as
  the text C's printf makes of it ("%lld", "%f"). Equality with a reference also needs both sides
  to print alike, as durable_rules joins on that text: 5 does not join 5.0.
- In a pattern with a reference, durable_rules skips the tests that follow a nested ``$or`` or
  ``$and`` which holds (events.c, reduceExpressionSequence), so such a pattern can match there
  when a later test fails. This evaluator tests everything; the conformance tests would show a
  rule set that runs into it (keep ``$or`` last in such a pattern).
- durable_rules may report a combination more than once when a fact passes a pattern along
  several ``$or`` branches (how often depends on the order the facts arrive in). This evaluator
  reports each combination once; the advice is built from the set of firings either way.
"""

from __future__ import annotations

import operator as op
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from ..errors import EngineError
from .compiler import compile_rules, derived_fact
from .protocol import Fact, Firing, firing_of

Test = Callable[[Fact], bool]  # a test of one fact on its own
Bound = dict[str, Fact]  # pattern name -> the fact it matched
Join = Callable[[Fact, Bound], bool]  # a test that reads the fact of an earlier pattern
IndexKey = tuple[str, "str | None", frozenset]  # (fact type, field, values of that field)

_OPERATORS = {"$eq": op.eq, "$neq": op.ne, "$lt": op.lt, "$lte": op.le, "$gt": op.gt, "$gte": op.ge}
_SCALARS = (str, int, float, bool, type(None))
_DISCRIMINATORS = ("key", "name", "goal")  # fields facts are indexed by, besides their type
_MISSING = object()


class DefinitionError(EngineError):
    """A definition uses a part of the durable_rules language this evaluator does not support."""


# --------------------------------------------------------------------------------------------
# Comparing values as durable_rules does (events.c, reduceProperties)


def _is_number(value: Any) -> bool:
    return isinstance(value, (bool, int, float))


def _printed(value: Any) -> Any:
    """A scalar as durable_rules prints it to compare it with text, or to join on it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return "%d" % value
    if isinstance(value, float):
        return "%f" % value
    return value


def compare(operator: str, left: Any, right: Any) -> bool:
    """``left OPERATOR right``, where a plain ``{field: value}`` means ``$eq``."""
    if left is None or right is None:
        if left is None and right is None:
            return operator == "$eq"
        return operator == "$neq" and left is not None and isinstance(left, _SCALARS)  # x != nil
    if _is_number(left) and _is_number(right):
        return _OPERATORS[operator](left, right)
    if isinstance(left, (str, bool, int, float)) and isinstance(right, (str, bool, int, float)):
        # text with text, or a number with text: compared as UTF-8 bytes, which orders as str does
        return _OPERATORS[operator](_printed(left), _printed(right))
    return False  # lists and objects are not compared


# --------------------------------------------------------------------------------------------
# Compiling definitions into small functions, once per engine


@dataclass
class _Pattern:
    name: str
    test: Test  # what is left to test once the index found the fact
    joins: list[Join]
    index: IndexKey | None
    rest: Any = None  # the condition ``test`` evaluates (None: nothing left), for readers of the rule set


@dataclass
class _Rule:
    id: str
    patterns: list[_Pattern]
    derive: Fact | None = None  # the fact a firing asserts, for derive rules


def _only_key(value: Any, where: str) -> tuple[str, Any]:
    if not isinstance(value, dict) or len(value) != 1:
        # durable_rules would read only the first key of a larger object
        raise DefinitionError(f"{where}: expected an object with exactly one key, got {value!r}")
    return next(iter(value.items()))


def _conditions(operand: Any, where: str) -> list:
    if not isinstance(operand, list) or not operand:
        raise DefinitionError(f"{where}: expected a non-empty list of conditions")
    return operand


def _always(fact: Fact) -> bool:
    return True


def _compile(condition: Any, earlier: list[str], where: str, joins: list[Join], in_or: bool = False) -> Test:
    """The test of a condition; the tests that read earlier patterns are appended to ``joins``."""
    key, operand = _only_key(condition, where)
    if key in ("$and", "$or"):
        parts = _conditions(operand, f"{where}.{key}")
        tests = [
            _compile(part, earlier, f"{where}.{key}[{i}]", joins, in_or or key == "$or") for i, part in enumerate(parts)
        ]
        if key == "$or":
            return lambda fact: any(test(fact) for test in tests)
        tests = [test for test in tests if test is not _always]
        if len(tests) <= 1:
            return tests[0] if tests else _always
        return lambda fact: all(test(fact) for test in tests)
    if key in ("$ex", "$nex"):
        name, _ = _only_key(operand, f"{where}.{key}")
        return (lambda fact: name in fact) if key == "$ex" else (lambda fact: name not in fact)
    if key.startswith("$"):
        if key not in _OPERATORS:
            raise DefinitionError(f"{where}: the operator {key!r} is not supported by the Python engine")
        name, value = _only_key(operand, f"{where}.{key}")
        operator = key
    else:
        name, value, operator = key, operand, "$eq"
    if isinstance(value, dict):
        if in_or:
            raise DefinitionError(f"{where}: a reference to another pattern inside $or is not supported")
        joins.append(_join(operator, name, value, earlier, where))
        return _always
    if not isinstance(value, _SCALARS):
        raise DefinitionError(f"{where}: {name!r} is compared with {value!r}: neither a scalar nor a reference")
    return _literal_test(operator, name, value)


def test_of(condition: Any, earlier: Iterable[str] = (), where: str = "condition") -> tuple[Test, list[Join]]:
    """One condition of the compiled language as a test of one fact, and the tests in it that
    read the facts of earlier patterns (``{PATTERN: FIELD}``), to be called with those facts.
    This is how the explanation of a consultation reads each condition of a rule: with the very
    semantics the engines run, never with a copy of them."""
    joins: list[Join] = []
    return _compile(condition, list(earlier), where, joins), joins


def _literal_test(operator: str, name: str, value: Any) -> Test:
    python = _OPERATORS[operator]
    # the common case, a value of the literal's own kind, compares directly
    same = (str,) if isinstance(value, str) else (int, float) if _is_number(value) and value is not True and value is not False else ()

    def test(fact: Fact) -> bool:
        found = fact.get(name, _MISSING)
        if found.__class__ in same:
            return python(found, value)
        return found is not _MISSING and compare(operator, found, value)

    return test


def _join(operator: str, name: str, ref: Any, earlier: list[str], where: str) -> Join:
    pattern, other = _only_key(ref, f"{where}.{name}")
    if pattern not in earlier or not isinstance(other, str):
        raise DefinitionError(f"{where}: {ref!r} must name an earlier pattern of the rule, and a field")

    def test(fact: Fact, bound: Bound) -> bool:
        if name not in fact:
            return False  # durable_rules' network never brings such a fact to this test
        source = bound[pattern]
        if other not in source:
            raise EngineError(f"{where}: the fact matched by {pattern!r} has no field {other!r}")
        left, right = fact[name], source[other]
        if operator == "$eq" and _printed(left) != _printed(right):
            return False  # durable_rules finds equal values by their printed text
        return compare(operator, left, right)

    test.reads = pattern  # type: ignore[attr-defined]  # the earlier pattern it reads (decision tables)
    return test


def _index_key(condition: Any) -> tuple[IndexKey | None, Any]:
    """How to find the facts a pattern may match, and the condition left to test on them.

    A pattern that requires ``{"t": TEXT}`` is indexed by that type and, where it can be, by the
    values one of key, name or goal may take (``{field: TEXT}``, or an ``$or`` of such tests). The
    index compares as those equality tests do (see ``_index_value``), so they are left out.
    """
    tests = condition["$and"] if isinstance(condition, dict) and "$and" in condition else [condition]
    if not isinstance(tests, list):
        return None, condition
    equal: dict[str, tuple[frozenset, int]] = {}  # field -> (values it may take, position of the test)
    for position, test in enumerate(tests):
        if isinstance(test, dict) and list(test) == ["$or"] and isinstance(test["$or"], list) and test["$or"]:
            equalities = [_text_equality(branch) for branch in test["$or"]]
            fields = {equality[0] for equality in equalities if equality}
            if len(fields) == 1 and None not in equalities:
                equal.setdefault(fields.pop(), (frozenset(e[1] for e in equalities if e), position))
        else:
            equality = _text_equality(test)
            if equality:
                equal.setdefault(equality[0], (frozenset([equality[1]]), position))
    if "t" not in equal or len(equal["t"][0]) != 1:
        return None, condition
    fact_type = next(iter(equal["t"][0]))
    covered = {equal["t"][1]}
    key: IndexKey = (fact_type, None, frozenset())
    for name in _DISCRIMINATORS:
        if name in equal:
            key = (fact_type, name, equal[name][0])
            covered.add(equal[name][1])
            break
    rest = [test for position, test in enumerate(tests) if position not in covered]
    return key, ({"$and": rest} if rest else None)


def _text_equality(test: Any) -> tuple[str, str] | None:
    if isinstance(test, dict) and len(test) == 1:
        name, value = next(iter(test.items()))
        if isinstance(name, str) and not name.startswith("$") and isinstance(value, str):
            return name, value
    return None


def _index_value(value: Any) -> str | None:
    """What an equality test with text compares a fact's value as (see compare)."""
    if value.__class__ is str:
        return value
    return _printed(value) if _is_number(value) else None


def compile_definition(rule_id: str, definition: Any, derive: Fact | None = None) -> _Rule:
    """One rule of a durable_rules ruleset, ready to evaluate; DefinitionError if unsupported."""
    if not isinstance(definition, dict) or set(definition) - {"all", "run"} or "all" not in definition:
        raise DefinitionError(f"{rule_id}: only rules of the form {{'all': [patterns]}} are supported")
    patterns: list[_Pattern] = []
    for index, entry in enumerate(_conditions(definition["all"], f"{rule_id}.all")):
        name, condition = _only_key(entry, f"{rule_id}.all[{index}]")
        names = [pattern.name for pattern in patterns]
        if name in names:
            raise DefinitionError(f"{rule_id}: the pattern name {name!r} is used twice")
        where = f"{rule_id}.{name}"
        _compile(condition, names, where, [])  # checks the whole condition, index or not
        key, rest = _index_key(condition)
        joins: list[Join] = []
        test = _always if rest is None else _compile(rest, names, where, joins)
        patterns.append(_Pattern(name, test, joins, key, rest))
    return _Rule(rule_id, patterns, derive)


# --------------------------------------------------------------------------------------------
# Running a consultation: forward chaining to a fixed point


@dataclass(eq=False)
class _Slot:
    """One pattern of one rule; a consultation keeps the facts that passed it per slot."""

    number: int
    rule: _Rule
    position: int
    test: Test


class RuleSet:
    """Compiled rules, and an index from a fact's type (and key, name or goal) to the patterns
    that may match it, so each fact is tested only against those."""

    def __init__(self, rules: Iterable[_Rule]):
        self.rules = list(rules)
        self._slots: list[_Slot] = []
        self._index: dict[tuple, list[_Slot]] = {}
        self._anything: list[_Slot] = []  # patterns that name no fact type
        self._referencing: list[tuple[_Rule, int]] = []  # rules with reference tests, first slot
        for rule in self.rules:
            if any(pattern.joins for pattern in rule.patterns):
                self._referencing.append((rule, len(self._slots)))
            for position, pattern in enumerate(rule.patterns):
                slot = _Slot(len(self._slots), rule, position, pattern.test)
                self._slots.append(slot)
                if pattern.index is None:
                    self._anything.append(slot)
                    continue
                fact_type, name, values = pattern.index
                for value in values or (None,):
                    self._index.setdefault((fact_type, name, value), []).append(slot)

    def candidates(self, fact: Fact) -> list[_Slot]:
        fact_type = _index_value(fact.get("t"))
        if fact_type is None:
            return self._anything
        found = self._anything + self._index.get((fact_type, None, None), [])
        for name in _DISCRIMINATORS:
            if name in fact:
                value = _index_value(fact[name])
                if value is not None:
                    found += self._index.get((fact_type, name, value), ())
        return found

    def run(self, facts: Iterable[Fact]) -> list[tuple[_Rule, tuple[Fact, ...]]]:
        """Every rule activation: the rule and the facts it matched, in pattern order.

        Facts are taken in order of arrival, derived ones last; a combination is found when its
        latest fact arrives, joined with earlier facts that passed the other patterns: once.
        """
        passed_by: list[list[tuple[int, Fact]]] = [[] for _ in self._slots]  # per slot: (arrival, fact)
        seen: set[Any] = set()
        queue: list[Fact] = []
        for fact in facts:
            if fact.get("id") in seen:  # durable_rules: MessageObservedException
                raise EngineError(f"the fact {fact.get('id')!r} was asserted twice")
            seen.add(fact.get("id"))
            queue.append(fact)
        activations: list[tuple[_Rule, tuple[Fact, ...]]] = []
        arrival = 0
        while arrival < len(queue):
            fact = queue[arrival]
            slots = [slot for slot in self.candidates(fact) if slot.test(fact)]
            for slot in slots:
                passed_by[slot.number].append((arrival, fact))
            for slot in slots:
                rule = slot.rule
                if len(rule.patterns) == 1:
                    found: list[tuple[Fact, ...]] = [(fact,)]
                else:
                    found = self._combinations(slot, arrival, fact, passed_by)
                for combination in found:
                    activations.append((rule, combination))
                    if rule.derive is not None and rule.derive["id"] not in seen:
                        seen.add(rule.derive["id"])
                        queue.append(dict(rule.derive))
            arrival += 1
        for rule, first in self._referencing:
            _check_references(rule, passed_by[first : first + len(rule.patterns)])
        return activations

    def _combinations(self, slot: _Slot, arrival: int, fact: Fact, passed_by) -> list[tuple[Fact, ...]]:
        """The combinations in which ``fact`` holds its slot's place and every other fact came earlier."""
        rule = slot.rule
        first = slot.number - slot.position  # a rule's slots are numbered one after another
        options: list[list[Fact]] = []
        for position in range(len(rule.patterns)):
            if position == slot.position:
                options.append([fact])
                continue
            earlier = [other for seq, other in passed_by[first + position] if seq < arrival]
            if not earlier:
                return []
            options.append(earlier)
        found: list[tuple[Fact, ...]] = []
        _join_all(rule.patterns, options, {}, [], found)
        return found


def _join_all(patterns: list[_Pattern], options, bound: Bound, chosen: list[Fact], found: list) -> None:
    position = len(chosen)
    if position == len(patterns):
        found.append(tuple(chosen))
        return
    pattern = patterns[position]
    for fact in options[position]:
        if any(fact is other for other in chosen):
            continue  # every pattern matches a different fact
        if all(join(fact, bound) for join in pattern.joins):
            bound[pattern.name] = fact
            chosen.append(fact)
            _join_all(patterns, options, bound, chosen, found)
            chosen.pop()
            del bound[pattern.name]


def _check_references(rule: _Rule, passed_by: list[list[tuple[int, Fact]]]) -> None:
    """Evaluate every reference test durable_rules' network would: each partial match of the
    earlier patterns against each fact that passed the pattern's own tests, the same fact too;
    one that reads a missing field fails the consultation (EngineError), as it does there."""
    frames: list[tuple[Bound, list[Fact]]] = [({}, [])]
    for pattern, passed in zip(rule.patterns, passed_by):
        grown = []
        for bound, chosen in frames:
            for _, fact in passed:
                if all(join(fact, bound) for join in pattern.joins) and not any(fact is c for c in chosen):
                    grown.append(({**bound, pattern.name: fact}, chosen + [fact]))
        if not grown:
            return
        frames = grown


def ruleset_from(definitions: dict[str, Any], derives: dict[str, tuple[str, str]] | None = None) -> RuleSet:
    """A runnable rule set from compiled definitions, such as the ``compiled`` part of an export.

    ``derives`` maps the id of each derive rule to the (name, value) it derives; the fact it
    asserts is ``compiler.derived_fact``'s. Other rules only report that they fired.
    """
    derives = derives or {}
    return RuleSet(
        compile_definition(rule_id, definition, derived_fact(rule_id, *derives[rule_id]) if rule_id in derives else None)
        for rule_id, definition in definitions.items()
    )


class PythonEngine:
    """Runs consultations in pure Python. Keeps no state between calls: safe to share between threads."""

    name = "python"

    def __init__(self, knowledge):
        derives = {rule.id: next(iter(rule.then.derive.items())) for rule in knowledge.rules if rule.then.derive}
        self._ruleset = ruleset_from(compile_rules(knowledge), derives)

    def run(self, facts: list[Fact]) -> list[Firing]:
        """Assert the facts and return the firings, in an order of their own (advice is sorted)."""
        return [firing_of(rule.id, matched) for rule, matched in self._ruleset.run(facts)]
