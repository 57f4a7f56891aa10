"""What explain, whatif, diff, check and findings report, as data (their --format json)."""

from __future__ import annotations

from typing import Any, Literal

from .base import AnswerKey, Basis, Goal, Lang, Lever, Model, Relation, SCHEMA_VERSION, StatementKind, Status
from .advice import Advice, Evidence

__all__ = ['AnswerChange', 'AnswerTrace', 'ParameterTrace', 'CheckProblem', 'CheckReport', 'Comparison', 'ConclusionChange', 'ConclusionTrace', 'Condition', 'DerivedChange', 'DerivedTrace', 'Explanation', 'FindingRow', 'FindingsTable', 'GridFigures', 'GridSelection', 'RuleTrace', 'StatementRow', 'Test', 'WhyNot']

# --------------------------------------------------------------------------------------------
# Explanations: how the rules reached the advice (`advisor explain`, `whatif`, `diff`)

Test = Literal["in", "is", "is_not", "lt", "lte", "gt", "gte"]


class Condition(Model):
    """One test of one pattern of a rule, read against one consultation."""

    kind: Literal["goal", "answer", "derived"]
    subject: str  # "goal", an answer key or a derived name
    test: Test
    required: Any  # what the test compares with, parameters and references resolved
    param: str | None = None  # the parameter `required` comes from
    ref: str | None = None  # the pattern (named with `as`) `required` comes from
    actual: Any  # the chosen goals, the answer, or the values derived (a list)
    met: bool
    producers: list["RuleTrace"] = []  # derived: the rules that derived (or would derive) a value that meets it


class RuleTrace(Model):
    rule: str
    description: str  # in the language of the report
    fired: bool
    goals: list[Goal]  # the goals it fired for
    conclusion: Literal["derive", "recommend", "warn", "caveat"]
    target: str  # the id concluded, or the name derived
    value: str | None = None  # derive: the value derived
    conditions: list[Condition]
    findings: list[str]


class AnswerTrace(Model):
    key: AnswerKey
    value: Any
    needed_by: list[Goal]  # the chosen goals whose advice depends on it


class DerivedTrace(Model):
    name: str
    value: str
    rule: str


class ConclusionTrace(Model):
    kind: Literal["recommendation", "warning", "caveat"]
    id: str
    text: str  # a recommendation's title, a notice's text
    status: Status | None = None
    priority: int | None = None
    basis: Basis | None = None  # recommendations: a measured finding or an authors' conclusion
    goals: list[Goal]
    rules: list[RuleTrace]
    evidence: list[Evidence]


class ParameterTrace(Model):
    """A threshold a traced rule compares with: a heuristic, never a result of the study."""

    name: str
    value: Any
    description: str
    provenance: str


class Explanation(Model):
    schema_version: str = SCHEMA_VERSION
    knowledge_version: str
    lang: Lang
    goals: list[Goal]
    answers: list[AnswerTrace]
    derived: list[DerivedTrace]
    trace: list[str]  # the rules that fired, in chaining order
    conclusions: list[ConclusionTrace]
    parameters: list[ParameterTrace]  # every threshold the traced rules compare with, with its provenance


class WhyNot(Model):
    schema_version: str = SCHEMA_VERSION
    knowledge_version: str
    lang: Lang
    id: str
    kind: Literal["recommendation", "warning", "caveat", "rule"]
    text: str
    in_advice: bool
    priority: int | None = None
    goals: list[Goal]  # the goals it is in the advice for
    rules: list[RuleTrace]  # every rule that concludes it, fired or not


class AnswerChange(Model):
    key: str  # an answer key, or "goals"
    before: Any
    after: Any


class DerivedChange(Model):
    name: str
    before: list[str]
    after: list[str]


class ConclusionChange(Model):
    kind: Literal["recommendation", "warning", "caveat"]
    id: str
    text: str
    change: Literal["added", "removed", "changed"]
    before: dict[str, Any] | None  # priority, status, goals before (None when added)
    after: dict[str, Any] | None
    rules: list[RuleTrace]  # added: the rules that now fire; removed: those that fired, read against the new answers


class Comparison(Model):
    schema_version: str = SCHEMA_VERSION
    knowledge_version: str
    lang: Lang
    before_source: str
    after_source: str
    answers: list[AnswerChange]
    derived: list[DerivedChange]
    changes: list[ConclusionChange]
    unchanged: list[str]  # ids in both advices, unchanged
    before: Advice
    after: Advice


Condition.model_rebuild()


# --------------------------------------------------------------------------------------------
# Checks: what `advisor check --format json` reports about a knowledge base


class CheckProblem(Model):
    code: str  # the kind of problem, e.g. "never-fires" (`advisor check --list`)
    severity: Literal["error", "warning"]  # of its code: wrong or unfounded advice, or harder upkeep
    source: str
    line: int | None = None
    column: int | None = None
    field: str | None = None
    id: str | None = None  # the rule, finding, parameter ... it is about
    message: str
    hint: str | None = None


class GridSelection(Model):
    goals: list[Goal]
    answers: list[AnswerKey]  # the answers these goals need: every band of each is combined
    combinations: int


class GridFigures(Model):
    goal_selections: int
    single_goals: int
    goal_pairs: int
    combinations: int
    full_product: int  # every band of all answers, for every goal selection: what the grid avoids
    consultations: int  # distinct runs of the rules (goal order changes only the order of the advice)
    engine: str  # the rule engine that ran them
    with_recommendation: int
    warnings_only: int
    empty: int
    contradictory: int
    seconds: float
    selections: list[GridSelection]
    skipped: list[GridSelection] = []  # not enumerated: over the cap on answer sets (coverage.MAX_WORK)


class CheckReport(Model):
    schema_version: str = SCHEMA_VERSION
    knowledge_version: str | None
    findings_path: str
    rules_path: str
    valid: bool  # every file read and validated
    counts: dict[str, int]
    examples: dict[str, int]  # run, passed
    grid: GridFigures | None
    problems: list[CheckProblem]
    skipped: list[str] = []  # what was not checked, to keep the check's time bounded (coverage.py)


# --------------------------------------------------------------------------------------------
# The findings as a table (`advisor findings --format json`)


class FindingRow(Model):
    id: str
    construct: Goal
    usage: Lever
    relation: Relation
    inferred: bool  # read from the wording, not stated: the note says how
    strength: str | None
    summary: str
    quote: str
    note: str | None
    rules: list[str]  # the rules citing it


class StatementRow(Model):
    id: str
    kind: StatementKind
    constructs: list[Goal]
    summary: str
    quote: str
    findings: list[str]
    rules: list[str]


class FindingsTable(Model):
    schema_version: str = SCHEMA_VERSION
    knowledge_version: str
    lang: Lang
    goals: list[Goal]  # the goals the table is limited to (empty: all)
    source: str
    findings: list[FindingRow]
    statements: list[StatementRow]
