"""Decision tables: the firings of each group of rules, memoised by what that group can see.

What a rule concludes depends only on the facts its patterns can match. Which facts those are is
read from the compiled rule set itself (engine/compiler.py), through the index of the evaluator
of the compiled language (engine/python.py: ``RuleSet.candidates``, the function that picks the
facts each pattern is tested on):

- a pattern that can match a goal fact makes the rule depend on which of those goals are chosen
  (and, when it tests more than which goal it is, on their order);
- a pattern that can match an answer fact makes it depend on that answer: on its value for a
  choice, on its *band* for a share (advisor/knowledge/bands.py: the thresholds the rules compare
  it with), and on ``unknown``;
- a pattern that can match a derived fact makes it depend on everything the derive rules behind
  that fact depend on;
- a test that compares two facts (``{ref: NAME}``, e.g. more posters than readers) makes it depend
  on the outcome of that comparison, evaluated on the facts of each consultation.

Rules that depend on the same answers share one table: its key is the chosen goals any of them
can match, the bands of those answers and the outcomes of those comparisons; its entries are the
firings of those rules. An entry is filled on first use by the real engine (durable_rules where
it is installed, else the Python engine) run on the whole consultation, so the engine still does
all the reasoning, once per distinct case.

Why the key is complete: each condition of a pattern is a test of one fact's fields, and the
index tests (fact type, answer key, goal, derived name) never vary for the facts a pattern can
see. The fields of an answer fact are a function of the answer's value alone (compiler.answer_fact);
a share's number is only compared with constants, and ``DecisionTables`` checks, for every such
comparison in the compiled conditions, that the constant is one of the thresholds the band is cut
at (a share compared otherwise is keyed by its exact value instead). Two answer sets with the same
key therefore give every pattern of every rule in the group (and behind it) the same facts to
match, up to the order of goals, which no pattern reads unless the key keeps it. tests/
test_conformance.py and `advisor check` compare the tables with direct engine runs.

Entries hold tuples of frozen firings: one caller cannot change what another is given.
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, Callable, Iterable

from ..engine.compiler import answer_fact, compile_rules, derived_fact, facts_of, goal_fact
from ..engine.protocol import Engine, Firing
from ..engine.python import ruleset_from
from ..errors import EngineError
from ..knowledge.bands import band_position, share_thresholds
from ..knowledge.load import Knowledge
from ..schema.shares import share_number
from ..vocabulary import ANSWER_KEYS, GOALS, SHARE_ANSWERS, UNKNOWN

_NUMERIC_OPERATORS = ("$eq", "$neq", "$lt", "$lte", "$gt", "$gte")
OUTCOMES_KEPT = 4_096  # outcomes of comparisons between two facts kept (by the values compared)


@dataclass(frozen=True)
class Entry:
    """One filled entry of a table: its number (unique per tables) and the firings of its rules."""

    number: int
    firings: tuple[Firing, ...]


@dataclass(frozen=True)
class Case:
    """What the tables read of one consultation: the goals, each answer's position (its value, or
    for a share its band) and the outcome of each comparison between two facts."""

    goals: tuple[str, ...]
    values: tuple[Any, ...]  # in ANSWER_KEYS order
    positions: tuple[Any, ...]
    comparisons: tuple[Any, ...]

    @property
    def key(self) -> tuple:
        """Everything the firings can depend on: equal keys, equal firings (and advice)."""
        return (self.goals, self.positions, self.comparisons)


@dataclass
class _Probe:
    """A test that compares two facts, with the facts each side can be."""

    join: Callable[[dict, dict], bool]
    bound: str  # the pattern name the join reads
    tested: "_Sources"
    read: "_Sources"


@dataclass
class _Sources:
    """The varying facts a pattern (or a group of rules) can match."""

    answers: set[int]  # positions in ANSWER_KEYS
    goals: int  # a bit per goal of GOALS
    derived: set[str]  # ids of the derive rules whose facts it can match

    def __ior__(self, other: "_Sources") -> "_Sources":
        self.answers |= other.answers
        self.goals |= other.goals
        self.derived |= other.derived
        return self


@dataclass
class _Group:
    rules: tuple[str, ...]
    answers: Callable[[tuple], Any]  # picks the positions of the answers it reads
    goals: int
    ranked: bool  # a pattern tests more of a goal fact than which goal it is: keep the order
    probes: Callable[[tuple], Any]  # picks the outcomes of its comparisons
    table: dict


class DecisionTables:
    """The decision tables of one knowledge base, filled on demand by one engine. Safe to share
    between threads: entries are immutable, and the engine guards its own consultations."""

    def __init__(self, knowledge: Knowledge, engine: Engine):
        self.knowledge = knowledge
        self.engine = engine
        self.runs = 0  # engine runs made to fill entries
        self._numbers = itertools.count(1)
        self._lock = threading.Lock()
        self._outcomes: dict[tuple, tuple] = {}
        derives = {rule.id: next(iter(rule.then.derive.items())) for rule in knowledge.rules if rule.then.derive}
        ruleset = ruleset_from(compile_rules(knowledge), derives)
        self._order = knowledge.rule_order
        self._bit = {goal: 1 << index for index, goal in enumerate(GOALS)}

        # the varying facts of a consultation, and the patterns each can reach (the engine's index)
        seen: dict[int, _Sources] = {}  # slot number -> sources

        def reach(fact: dict, mark: Callable[[_Sources], None]) -> None:
            for slot in ruleset.candidates(fact):
                mark(seen.setdefault(slot.number, _Sources(set(), 0, set())))

        for index, key in enumerate(ANSWER_KEYS):
            reach(answer_fact(key, UNKNOWN), lambda s, i=index: s.answers.add(i))
        for goal in GOALS:
            reach(goal_fact(goal, 1), lambda s, g=goal: setattr(s, "goals", s.goals | self._bit[g]))
        derived_facts = {rule_id: derived_fact(rule_id, *derive) for rule_id, derive in derives.items()}
        for rule_id, fact in derived_facts.items():
            reach(fact, lambda s, r=rule_id: s.derived.add(r))
        self._derived_facts = derived_facts

        slots = {}  # (rule id, pattern name) -> (slot number, pattern)
        number = 0
        for rule in ruleset.rules:
            for pattern in rule.patterns:
                slots[(rule.id, pattern.name)] = (number, pattern)
                number += 1
        self._cuts = self._share_cuts(ruleset, seen)

        own: dict[str, _Sources] = {}
        ranked: dict[str, bool] = {}
        probes: dict[str, list[_Probe]] = {}
        for rule in ruleset.rules:
            sources = own[rule.id] = _Sources(set(), 0, set())
            ranked[rule.id] = False
            probes[rule.id] = []
            for pattern in rule.patterns:
                slot, _ = slots[(rule.id, pattern.name)]
                reached = seen.get(slot, _Sources(set(), 0, set()))
                sources |= _Sources(set(reached.answers), reached.goals, set(reached.derived))
                if reached.goals and (pattern.rest is not None or pattern.joins):
                    ranked[rule.id] = True
                for join in pattern.joins:
                    bound_slot, _ = slots[(rule.id, join.reads)]
                    read = seen.get(bound_slot, _Sources(set(), 0, set()))
                    probes[rule.id].append(_Probe(join, join.reads, reached, read))
                    if read.goals:
                        ranked[rule.id] = True

        def closure(rule_id: str, found: set[str]) -> set[str]:
            if rule_id not in found:
                found.add(rule_id)
                for producer in own[rule_id].derived:
                    closure(producer, found)
            return found

        self._probes: list[_Probe] = []
        grouped: dict[tuple, list[str]] = {}
        goal_masks: dict[tuple, int] = {}
        for rule in ruleset.rules:
            behind = closure(rule.id, set())
            answers = sorted(set().union(*(own[r].answers for r in behind)))
            goals = 0
            for r in behind:
                goals |= own[r].goals
            is_ranked = any(ranked[r] for r in behind)
            probe_numbers = []
            for r in sorted(behind, key=self._order.__getitem__):
                for probe in probes[r]:
                    if probe not in self._probes:
                        self._probes.append(probe)
                    probe_numbers.append(self._probes.index(probe))
            signature = (tuple(answers), bool(goals), is_ranked, tuple(probe_numbers))
            grouped.setdefault(signature, []).append(rule.id)
            goal_masks[signature] = goal_masks.get(signature, 0) | goals
        self.groups = [
            _Group(
                rules=tuple(rules),
                answers=_picker(signature[0]),
                goals=goal_masks[signature],
                ranked=signature[2],
                probes=_picker(signature[3]),
                table={},
            )
            for signature, rules in grouped.items()
        ]
        self._group_of = {rule_id: group for group in self.groups for rule_id in group.rules}

    # ----------------------------------------------------------------------------------------
    # keys

    def _share_cuts(self, ruleset, seen: dict[int, _Sources]) -> dict[int, list[float] | None]:
        """Per share answer, the thresholds its band is cut at, or None when a compiled condition
        compares its number with something else (then the exact number is the key)."""
        cuts: dict[int, list[float] | None] = {}
        for index, key in enumerate(ANSWER_KEYS):
            if key not in SHARE_ANSWERS:
                continue
            thresholds = share_thresholds(self.knowledge, key)
            compared: set = set()
            number = 0
            for rule in ruleset.rules:
                for pattern in rule.patterns:
                    if index in seen.get(number, _Sources(set(), 0, set())).answers and pattern.rest is not None:
                        compared |= _numbers_compared(pattern.rest)
                    number += 1
            cuts[index] = thresholds if compared <= set(thresholds) else None
        return cuts

    def case(self, goals: tuple[str, ...], values: tuple[Any, ...]) -> Case:
        """What the tables read of a consultation: goals and the answers' values in ANSWER_KEYS order."""
        positions = list(values)
        for index, thresholds in self._cuts.items():
            value = values[index]
            if value != UNKNOWN and thresholds is not None:
                # a band answer (25-50) by the number that stands for it, as its fact has it
                positions[index] = band_position(thresholds, share_number(value))
        comparisons: tuple = ()
        if self._probes:
            comparisons = tuple(self._compare(number, probe, goals, values) for number, probe in enumerate(self._probes))
        return Case(goals, values, tuple(positions), comparisons)

    def _compare(self, number: int, probe: _Probe, goals: tuple[str, ...], values: tuple[Any, ...]) -> tuple:
        """The outcome of a comparison for every pair of facts its two sides can be (None: the
        fact read lacks the field, which fails the consultation). Kept per the goals and values
        it reads, up to a bound."""
        read = probe.tested.answers | probe.read.answers
        if probe.tested.goals or probe.read.goals:
            key: tuple = (number, goals, tuple(values[index] for index in sorted(read)))
        else:
            key = (number, tuple(values[index] for index in sorted(read)))
        found = self._outcomes.get(key)
        if found is None:
            outcomes = []
            for tested in self._facts(probe.tested, goals, values):
                for bound in self._facts(probe.read, goals, values):
                    try:
                        outcomes.append(bool(probe.join(tested, {probe.bound: bound})))
                    except EngineError:
                        outcomes.append(None)
            found = tuple(outcomes)
            if len(self._outcomes) >= OUTCOMES_KEPT:
                self._outcomes.clear()  # memory stays flat; they are cheap to find again
            self._outcomes[key] = found
        return found

    def _facts(self, sources: _Sources, goals: tuple[str, ...], values: tuple[Any, ...]) -> list[dict]:
        facts = [goal_fact(goal, rank) for rank, goal in enumerate(goals, 1) if sources.goals & self._bit[goal]]
        facts += [answer_fact(ANSWER_KEYS[index], values[index]) for index in sorted(sources.answers)]
        facts += [self._derived_facts[rule_id] for rule_id in sorted(sources.derived)]
        return facts

    def entries(self, case: Case) -> tuple[Entry, ...]:
        """The entry of every table for this case, filling those still empty with one engine run."""
        bit = self._bit
        chosen = 0
        for goal in case.goals:
            chosen |= bit[goal]
        positions, comparisons = case.positions, case.comparisons
        keys = []
        found = []
        for group in self.groups:
            if not group.goals:
                goals: Any = 0
            elif group.ranked:
                goals = tuple((goal, rank) for rank, goal in enumerate(case.goals, 1) if bit[goal] & group.goals)
            else:
                goals = chosen & group.goals
            key = (goals, group.answers(positions), group.probes(comparisons))
            keys.append(key)
            found.append(group.table.get(key))
        if None in found:
            filled = self._fill(case)
            for index, (group, key) in enumerate(zip(self.groups, keys)):
                if found[index] is None:
                    found[index] = group.table.setdefault(key, filled[index])
        return tuple(found)  # type: ignore[arg-type]

    def firings(self, case: Case) -> tuple[Firing, ...]:
        """Every firing of the consultation, from the tables."""
        return tuple(itertools.chain.from_iterable(entry.firings for entry in self.entries(case)))

    def direct(self, case: Case) -> tuple[Firing, ...]:
        """The firings of one direct engine run, in the tables' order (to compare with them)."""
        mine = self._split(self.engine.run(facts_of(case.goals, case.values)))
        return tuple(itertools.chain.from_iterable(mine))

    def _fill(self, case: Case) -> list[Entry]:
        firings = self.engine.run(facts_of(case.goals, case.values))
        with self._lock:
            self.runs += 1
            return [Entry(next(self._numbers), group_firings) for group_firings in self._split(firings)]

    def _split(self, firings: Iterable[Firing]) -> list[tuple[Firing, ...]]:
        """Firings per table, each without repeats and in rule order (the engines' own order and
        repeats carry no meaning: see engine/python.py)."""
        per_group: dict[int, set[Firing]] = {id(group): set() for group in self.groups}
        for firing in firings:
            per_group[id(self._group_of[firing.rule])].add(firing)
        order = self._order
        return [
            tuple(sorted(per_group[id(group)], key=lambda f: (order[f.rule], f.goals)))
            for group in self.groups
        ]

    @property
    def size(self) -> int:
        """How many entries the tables hold."""
        return sum(len(group.table) for group in self.groups)


def _picker(indexes: tuple[int, ...]) -> Callable[[tuple], Any]:
    if not indexes:
        return lambda values: ()
    if len(indexes) == 1:
        (index,) = indexes
        return lambda values: values[index]
    return itemgetter(*indexes)


def _numbers_compared(condition: Any) -> set:
    """The constants a condition compares a share's ``number`` with (``object()`` for anything
    that is not a plain comparison with a number, so that the caller's subset test fails)."""
    key, operand = next(iter(condition.items()))
    if key in ("$and", "$or"):
        return set().union(*(_numbers_compared(part) for part in operand))
    if key in ("$ex", "$nex"):
        return set()  # whether a number is there: known or unknown, part of the position
    if key.startswith("$"):
        name, value = next(iter(operand.items()))
        operator = key
    else:
        name, value, operator = key, operand, "$eq"
    if name != "number" or isinstance(value, dict):  # other fields are fixed per position; references are probed
        return set()
    if operator in _NUMERIC_OPERATORS and isinstance(value, (int, float)) and not isinstance(value, bool):
        return {value}
    return {object()}
