"""The rules run over grids of answers (grid.py): the part of `advisor check` that needs the engine.

- every rule can fire for some goal selection and answers (else it is dead weight, or wrong);
- no two rules conclude opposite things from the same facts: a gap and a sustain recommendation
  on the same lever for the same goal, or two values derived for one name;
- every answers set of the grid gets at least one recommendation or an explicit warning, and no
  advice is self-contradictory.

A recommendation's status (gap or sustain) is about its first lever; further levers are ones it
also moves. Goal order only orders the advice (no rule can test it), so an ordered pair and its
reverse are one run of the rules.

Each part looks at a bounded number of answer sets, so that a large rule set still gets its
report in bounded time: a rule or pair whose grid is larger than MAX_SETS_PER_CHECK is skipped,
and so is what goes beyond MAX_WORK (answer sets times rules: a run of the rules takes time in
proportion to their number) in each part; the report names what was skipped
(CheckReport.skipped).
"""

from __future__ import annotations

import itertools
import time
import weakref
from collections import defaultdict
from math import prod
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from ..errors import Problem
from ..i18n import number, t
from ..knowledge.bands import share_thresholds
from ..knowledge.load import Knowledge
from ..reasoning.pipeline import Advisor
from ..reasoning.trace import trace_rule
from ..schema import Answers, GridFigures, GridSelection, Rule
from . import grid
from ..vocabulary import ANSWER_KEYS, GOALS, SHARE_ANSWERS, UNKNOWN

if TYPE_CHECKING:  # pragma: no cover
    from .lint import Lint

# The 54 shipped rules need 270 answer sets for their largest rule, 2,911 for reachability, 1,004
# for conflicts and 80,287 for the grid (4.3 million answer sets times rules): these bounds leave
# room for rule sets several times larger.
MAX_SETS_PER_CHECK = 20_000  # answer sets around one rule, or one pair of rules
MAX_WORK = 6_000_000  # answer sets times rules, for reachability, for conflicts and for the grid


def most_sets(knowledge: Knowledge) -> int:
    """How many answer sets each part of the check may look at, for this many rules."""
    return MAX_WORK // max(1, len(knowledge.rules))


class Runner:
    """Runs the rules of a knowledge base on answers dicts, and counts the runs."""

    def __init__(self, advisor: Advisor, *, remember: bool = False):
        self.advisor = advisor
        self.knowledge = advisor.knowledge
        self.engine = advisor.engine
        self.runs = 0
        # the small grids of many rules and pairs overlap: each answer set is run once
        self._remembered: dict[tuple, dict[str, tuple[str, ...]]] | None = {} if remember else None

    def fired(self, answers: dict) -> dict[str, tuple[str, ...]]:
        """Rule id -> the goals it fired for (empty for rules without a goal pattern)."""
        key = (tuple(answers["goals"]), tuple(answers["usage"].values()), tuple(answers["purposes"].values()))
        if self._remembered is not None and key in self._remembered:
            return self._remembered[key]
        self.runs += 1
        fired = self.advisor.fired(Answers.model_validate(answers))
        if self._remembered is not None:
            self._remembered[key] = fired
        return fired


def describe(answers: dict, keys: Iterable[str] | None = None) -> str:
    """An answers set in one line: the goals, then the answers that are known."""
    parts = ["goals=" + ",".join(answers["goals"])]
    for key in keys if keys is not None else ANSWER_KEYS:
        section, name = key.split(".", 1)
        value = answers[section].get(name, UNKNOWN)
        parts.append(f"{key}={value}")
    return " ".join(parts)


# --------------------------------------------------------------------------------------------
# small grids around one rule or one pair of rules


def selections_for(rules: Sequence[Rule]) -> list[tuple[str, ...]]:
    """The goal selections under which every goal pattern of these rules is satisfied."""
    patterns = [pattern for rule in rules for pattern in rule.goal_patterns()]
    if not patterns:
        return [(GOALS[0],)]
    return [
        goals
        for goals in grid.goal_selections()
        if all(any(goal in pattern.goals() for goal in goals) for pattern in patterns)
    ]


def around(knowledge: Knowledge, rules: Sequence[Rule]) -> Iterator[dict]:
    """Every goal selection these rules accept with every band of every answer they read.

    Shares are cut at the thresholds of all shares, so rules comparing two shares meet every
    order of the two."""
    keys, values = _around_values(knowledge, rules)
    for goals in selections_for(rules):
        for chosen in itertools.product(*values):
            yield grid.answers_dict(goals, dict(zip(keys, chosen)))


def around_count(knowledge: Knowledge, rules: Sequence[Rule]) -> int:
    """How many answer sets ``around`` yields, without making them."""
    return len(selections_for(rules)) * prod(len(values) for values in _around_values(knowledge, rules)[1])


_share_cuts: "weakref.WeakKeyDictionary[Knowledge, list[float]]" = weakref.WeakKeyDictionary()


def _around_values(knowledge: Knowledge, rules: Sequence[Rule]) -> tuple[list[str], list[list]]:
    graph = knowledge.dependencies
    keys = [key for key in ANSWER_KEYS if any(key in graph.reads(rule) for rule in rules)]
    cuts = _share_cuts.get(knowledge)
    if cuts is None:  # the same for every rule: found once per knowledge base
        cuts = _share_cuts[knowledge] = sorted({t for key in SHARE_ANSWERS for t in share_thresholds(knowledge, key)})
    values = [
        [band.value for band in grid.bands(knowledge, key, cuts if key in SHARE_ANSWERS else None)] for key in keys
    ]
    return keys, values


class _Budget:
    """The answer sets a check may still look at; records what it skips."""

    def __init__(self, knowledge: Knowledge):
        self.total = self.left = most_sets(knowledge)
        self.skipped: list[str] = []

    def allows(self, size: int, name: str) -> bool:
        if size > MAX_SETS_PER_CHECK or size > self.left:
            self.skipped.append(name)
            return False
        self.left -= size
        return True

    def report(self, lint: "Lint", what: str, out_of: int) -> None:
        if self.skipped:
            shown = ", ".join(self.skipped[:5]) + (", ..." if len(self.skipped) > 5 else "")
            lang = lint.lang
            lint.skipped.append(
                t(
                    lang, "check.skipped.budget", what=what, count=number(lang, len(self.skipped)),
                    out_of=number(lang, out_of), shown=shown, each=number(lang, MAX_SETS_PER_CHECK),
                    total=number(lang, self.total), rules=len(lint.knowledge.rules),
                )
            )


def check_reachable(lint: "Lint", runner: Runner | None = None) -> None:
    """Every rule fires for some goals and answers."""
    knowledge = lint.knowledge
    runner = runner or Runner(lint.advisor, remember=True)
    budget = _Budget(knowledge)
    for rule in knowledge.rules:
        if not budget.allows(around_count(knowledge, [rule]), rule.id):
            continue
        if any(rule.id in runner.fired(answers) for answers in around(knowledge, [rule])):
            continue
        never = _never_met(lint.advisor, rule, lint.lang)
        hint = (
            t(lint.lang, "check.never-fires.never_met", conditions="; ".join(never))
            if never
            else t(lint.lang, "check.never-fires.never_together")
        )
        lint.add("never-fires", "rules", rule.id, ("when",), t(lint.lang, "check.never-fires", rule=repr(rule.id)), hint)
    budget.report(lint, t(lint.lang, "check.skipped.reachable"), len(knowledge.rules))


def _never_met(advisor: Advisor, rule: Rule, lang: str) -> list[str]:
    from ..render.conditions import condition_text

    met: dict[int, bool] = {}
    texts: dict[int, str] = {}
    for answers in around(advisor.knowledge, [rule]):
        trace = trace_rule(advisor.consult(Answers.model_validate(answers)), rule)
        for index, condition in enumerate(trace.conditions):
            met[index] = met.get(index, False) or condition.met
            texts[index] = condition_text(condition, lang, actual=False)
    return [texts[index] for index, ok in met.items() if not ok]


def opposite(knowledge: Knowledge, first: Rule, second: Rule) -> bool:
    """Both recommend, on the same (first) lever, one as a gap and one as sustain."""
    a, b = first.then.recommend, second.then.recommend
    if not a or not b:
        return False
    ra, rb = knowledge.recommendations[a], knowledge.recommendations[b]
    return ra.status != rb.status and ra.levers[0] == rb.levers[0]


def check_conflicts(lint: "Lint", runner: Runner | None = None) -> None:
    """No two rules conclude opposite things from the same facts."""
    knowledge = lint.knowledge
    runner = runner or Runner(lint.advisor, remember=True)
    budget = _Budget(knowledge)
    pairs = 0
    for first, second in itertools.combinations(knowledge.rules, 2):
        derive = (
            first.then.derive
            and second.then.derive
            and first.then.target == second.then.target
            and first.then.derive != second.then.derive
        )
        if not derive and not opposite(knowledge, first, second):
            continue
        if not derive and not _share_a_goal(first, second):
            continue
        pairs += 1
        if not budget.allows(around_count(knowledge, [first, second]), f"{first.id} and {second.id}"):
            continue
        for answers in around(knowledge, [first, second]):
            fired = runner.fired(answers)
            if first.id not in fired or second.id not in fired:
                continue
            example = describe(answers, _read_keys(knowledge, [first, second]))
            if derive:
                name = first.then.target
                code, message, hint = "derive-conflict", t(
                    lint.lang, "check.derive-conflict", first=repr(first.id), second=repr(second.id), name=name,
                    one=repr(first.then.derive[name]), other=repr(second.then.derive[name]),
                ), t(lint.lang, "check.derive-conflict.hint", answers=example)
            else:
                goals = _common_goals(answers, fired[first.id], fired[second.id])
                if not goals:
                    continue
                lever = knowledge.recommendations[first.then.recommend or ""].levers[0]
                code, message, hint = "contradiction", t(
                    lint.lang, "check.contradiction", first=repr(first.id), second=repr(second.id),
                    one=repr(first.then.recommend), one_status=knowledge.recommendations[first.then.recommend or ""].status,
                    other=repr(second.then.recommend), other_status=knowledge.recommendations[second.then.recommend or ""].status,
                    lever=lever, goals=", ".join(goals),
                ), t(lint.lang, "check.contradiction.hint", answers=example)
            lint.add(code, "rules", second.id, ("when",), message, hint)
            break
    budget.report(lint, t(lint.lang, "check.skipped.conflicts"), pairs)


def _share_a_goal(first: Rule, second: Rule) -> bool:
    def accepted(rule: Rule) -> set[str]:
        patterns = rule.goal_patterns()
        return set(GOALS) if not patterns else set.intersection(*(set(p.goals()) for p in patterns))

    return bool(accepted(first) & accepted(second))


def _common_goals(answers: dict, first: tuple, second: tuple) -> list[str]:
    chosen = answers["goals"]
    a = set(first) or set(chosen)  # a rule without a goal pattern concerns every chosen goal
    b = set(second) or set(chosen)
    return [goal for goal in chosen if goal in a and goal in b]


def _read_keys(knowledge: Knowledge, rules: Sequence[Rule]) -> list[str]:
    graph = knowledge.dependencies
    return [key for key in ANSWER_KEYS if any(key in graph.reads(rule) for rule in rules)]


# --------------------------------------------------------------------------------------------
# the whole grid


def check_grid(lint: "Lint", progress: Callable[[int, int], None] | None = None) -> GridFigures:
    """Every goal selection with every band of its answers: at least one recommendation or a
    warning, and never a gap and a sustain recommendation on one lever for one goal.

    The grid runs through the pipeline's decision tables (advisor/reasoning/tables.py), so it
    costs one engine run per table entry it fills. Each entry it reads again for another answers
    set is compared once with a direct run of the engine on that set: a difference means the
    tables' key misses something the rules read (problem code ``incomplete-table``)."""
    knowledge = lint.knowledge
    tables = lint.advisor.tables
    started = time.perf_counter()
    runs_before = tables.runs
    direct_runs = 0
    cap = most_sets(knowledge)
    total = min(grid.count(knowledge), cap)  # for the progress bar
    verdicts: dict[tuple, tuple[bool, bool, tuple]] = {}
    confirmed: set[int] = set()  # entries compared with a direct run
    tally = _GridTally()
    incomplete: dict[str, tuple] = {}
    planned, skipped = _selections_within(knowledge, cap)
    selections = [selection for _, _, selection in planned]
    done = 0
    for goals, keys, _ in planned:
        chosen = frozenset(goals)
        for values in _grid_values(knowledge, keys):
            case = tables.case(goals, values)
            filled = tables.runs
            entries = tables.entries(case)
            if tables.runs == filled and any(entry.number not in confirmed for entry in entries):
                direct_runs += 1
                confirmed.update(entry.number for entry in entries)
                _compare_direct(tables, case, entries, incomplete)
            verdict = _combined_verdict(knowledge, chosen, goals, entries, verdicts)
            tally.add(goals, values, keys, *verdict)
            done += 1
            if progress and done % 500 == 0:
                progress(done, total)
    if progress:
        progress(done, total)
    figures = tally.figures
    _report_empty(lint, _with_answers(tally.empty), selections)
    _report_contradictions(lint, _with_answers(tally.contradictions))
    _report_incomplete(lint, incomplete)
    _report_skipped(lint, skipped, selections, cap)
    return GridFigures(
        goal_selections=len(selections),
        single_goals=sum(1 for s in selections if len(s.goals) == 1),
        goal_pairs=sum(1 for s in selections if len(s.goals) == 2),
        combinations=figures["combinations"],
        full_product=grid.full_product_count(knowledge),
        consultations=tables.runs - runs_before + direct_runs,
        engine=getattr(tables.engine, "name", type(tables.engine).__name__),
        with_recommendation=figures["with_recommendation"],
        warnings_only=figures["warnings_only"],
        empty=figures["empty"],
        contradictory=figures["contradictory"],
        seconds=round(time.perf_counter() - started, 2),
        selections=selections,
        skipped=skipped,
    )


def _selections_within(knowledge: Knowledge, cap: int) -> tuple[list[tuple[tuple, list, GridSelection]], list[GridSelection]]:
    """The goal selections the grid enumerates (each with its answer keys), in order, while their
    answer sets stay within the cap; those over it are skipped, to be named in the report."""
    planned = []
    skipped = []
    left = cap
    for goals in grid.goal_selections():
        keys = grid.needed(knowledge, goals)
        selection = GridSelection(goals=list(goals), answers=keys, combinations=grid.count_for(knowledge, goals))
        if selection.combinations > left:  # over the cap: named in the report, not enumerated
            skipped.append(selection)
            continue
        left -= selection.combinations
        planned.append((goals, keys, selection))
    return planned, skipped


class _GridTally:
    """The grid's counts by verdict, and for each empty selection and each clash how often it
    happens and the first answers set it happens for."""

    def __init__(self) -> None:
        self.figures: defaultdict[str, int] = defaultdict(int)
        self.empty: dict[tuple, list] = {}
        self.contradictions: dict[tuple, list] = {}

    def add(self, goals: tuple, values: tuple, keys: list, recommends: bool, warns: bool, clashes: tuple) -> None:
        """Count one answers set's verdict."""
        figures = self.figures
        figures["combinations"] += 1
        if recommends:
            figures["with_recommendation"] += 1
        elif warns:
            figures["warnings_only"] += 1
        else:
            figures["empty"] += 1
            self.empty.setdefault(goals, [0, (goals, values), keys])[0] += 1
        if clashes:
            figures["contradictory"] += 1
            for clash in clashes:
                self.contradictions.setdefault(clash, [0, (goals, values), keys])[0] += 1


def _grid_values(knowledge: Knowledge, keys: Sequence[str]) -> Iterator[tuple]:
    """The grid of one goal selection as the answers' values in ANSWER_KEYS order (the same sets
    as grid.combinations_for, without building an answers document for each)."""
    positions = [ANSWER_KEYS.index(key) for key in keys]
    values = [UNKNOWN] * len(ANSWER_KEYS)
    for chosen in itertools.product(*[[band.value for band in grid.bands(knowledge, key)] for key in keys]):
        for position, value in zip(positions, chosen):
            values[position] = value
        yield tuple(values)


def _with_answers(found: dict) -> dict:
    """Examples of the grid as answers documents, for the report."""
    return {
        what: [count, grid.answers_dict(goals, dict(zip(ANSWER_KEYS, values))), keys]
        for what, (count, (goals, values), keys) in found.items()
    }


def _combined_verdict(knowledge: Knowledge, chosen: frozenset, goals: tuple, entries, kept: dict) -> tuple[bool, bool, tuple]:
    """The verdict on the firings of several table entries, from each entry's own (kept per
    entry and goal selection): a clash may join the recommendations of two entries."""
    parts = []
    for entry in entries:
        part = kept.get((chosen, entry.number))
        if part is None:
            part = kept[(chosen, entry.number)] = _levers(knowledge, goals, entry.firings)
        parts.append(part)
    recommends = any(part[0] for part in parts)
    warns = any(part[1] for part in parts)
    slots = [part[2] for part in parts if part[2]]
    if len(slots) <= 1:
        by_lever = slots[0] if slots else {}
    else:
        by_lever = {}
        for slot in slots:
            for where, statuses in slot.items():
                merged = by_lever.setdefault(where, {})
                for status, rule_id in statuses.items():
                    merged.setdefault(status, rule_id)
    clashes = tuple(
        (goal, lever, statuses["gap"], statuses["sustain"])
        for (goal, lever), statuses in sorted(by_lever.items())
        if len(statuses) > 1
    )
    return recommends, warns, clashes


def _levers(knowledge: Knowledge, chosen: Sequence[str], firings) -> tuple[bool, bool, dict]:
    """(any recommendation, any warning, (goal, lever) -> {status: first rule}) of some firings."""
    rules = knowledge.rules_by_id
    recommends = warns = False
    by_lever: dict[tuple[str, str], dict[str, str]] = {}
    for rule_id, goals in _fired_of(firings).items():
        then = rules[rule_id].then
        warns = warns or bool(then.warn)
        if not then.recommend:
            continue
        recommends = True
        recommendation = knowledge.recommendations[then.recommend]
        for goal in goals or chosen:
            by_lever.setdefault((goal, recommendation.levers[0]), {}).setdefault(recommendation.status, rule_id)
    return recommends, warns, by_lever


def _fired_of(firings) -> dict[str, tuple[str, ...]]:
    fired: dict[str, tuple[str, ...]] = {}
    for firing in firings:
        fired[firing.rule] = tuple(dict.fromkeys(fired.get(firing.rule, ()) + firing.goals))
    return fired


def _compare_direct(tables, case, entries, incomplete: dict[str, tuple]) -> None:
    """Compare the tables' firings for a case with a direct engine run on it."""
    memoised = {firing for entry in entries for firing in entry.firings}
    direct = set(tables.direct(case))
    for firing in sorted(memoised ^ direct, key=lambda f: (f.rule, f.goals)):
        incomplete.setdefault(firing.rule, (case, firing in direct))


def _report_incomplete(lint: "Lint", incomplete: dict[str, tuple]) -> None:
    for rule_id, (case, fires) in incomplete.items():
        answers = grid.answers_dict(case.goals, dict(zip(ANSWER_KEYS, case.values)))
        lint.add(
            "incomplete-table",
            "rules",
            rule_id,
            ("when",),
            t(
                lint.lang, "check.incomplete-table", rule=repr(rule_id),
                said=t(lint.lang, "check.incomplete-table." + ("does_not_fire" if fires else "fires")),
                found=t(lint.lang, "check.incomplete-table." + ("fires" if fires else "does_not_fire")),
            ),
            t(lint.lang, "check.incomplete-table.hint", answers=describe(answers)),
        )


def _report_empty(lint: "Lint", empty: dict, selections: list[GridSelection]) -> None:
    sizes = {tuple(s.goals): s.combinations for s in selections}
    for goals, (count, answers, keys) in empty.items():
        lint.add_problem(
            Problem(
                source=lint.knowledge.paths[1],  # about no one rule: the rules as a whole
                message=t(
                    lint.lang, "check.empty-advice", count=number(lint.lang, count),
                    out_of=number(lint.lang, sizes[goals]), goals=", ".join(goals),
                ),
                hint=t(lint.lang, "check.empty-advice.hint", answers=describe(answers, keys)),
                code="empty-advice",
                id=",".join(goals),
            )
        )


def _report_contradictions(lint: "Lint", contradictions: dict) -> None:
    for (goal, lever, gap_rule, sustain_rule), (count, answers, keys) in contradictions.items():
        lint.add(
            "contradictory-advice",
            "rules",
            sustain_rule,
            ("when",),
            t(
                lint.lang, "check.contradictory-advice", count=number(lint.lang, count),
                gap=repr(gap_rule), sustain=repr(sustain_rule), lever=lever, goal=goal,
            ),
            t(lint.lang, "check.contradictory-advice.hint", answers=describe(answers, keys)),
        )


def _report_skipped(lint: "Lint", skipped: list[GridSelection], selections: list[GridSelection], cap: int) -> None:
    if skipped:
        lang = lint.lang
        shown = ", ".join("+".join(s.goals) for s in skipped[:5]) + (", ..." if len(skipped) > 5 else "")
        lint.skipped.append(
            t(
                lang, "check.skipped.grid", count=len(skipped), out_of=len(skipped) + len(selections), shown=shown,
                sets=number(lang, sum(s.combinations for s in skipped)), cap=number(lang, cap), rules=len(lint.knowledge.rules),
            )
        )
