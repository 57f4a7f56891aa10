"""The one schema: findings, rules, answers and advice, as pydantic models.

Everything else imports these models; JSON Schemas for tool builders are generated from them.
The models are strict: unknown keys are rejected, and YAML 1.1 surprises (``no`` read as false,
``1.10`` read as 1.1) fail validation instead of slipping through as the wrong type.
"""

from __future__ import annotations

import warnings
from typing import Annotated, Any, Literal, Union

import math

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from .vocabulary import (
    ANSWER_KEYS,
    FREQUENCIES,
    GOALS,
    LANGS,
    LEVERS,
    PURPOSE_LEVELS,
    RELATIONS,
    UNKNOWN,
)

SCHEMA_VERSION = "1.0"

Goal = Literal[GOALS]
Lever = Literal[LEVERS]
Relation = Literal[RELATIONS]
Lang = Literal[LANGS]
AnswerKey = Literal[ANSWER_KEYS]
Frequency = Literal[FREQUENCIES + (UNKNOWN,)]
PurposeLevel = Literal[PURPOSE_LEVELS + (UNKNOWN,)]
Status = Literal["gap", "sustain"]

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$", max_length=64)]
Name = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)


class Text(Model):
    """A text in both languages of the advisor."""

    en: NonEmpty
    nl: NonEmpty

    def get(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


# --------------------------------------------------------------------------------------------
# findings.yaml: the study, as data


class Source(Model):
    title: NonEmpty
    publisher: NonEmpty
    partner: NonEmpty
    year: int | None = None
    organisations: int = Field(gt=0)
    language: Lang
    note: Text | None = None


# `construct` is the study's word for an outcome; it shadows pydantic's deprecated
# BaseModel.construct(), which the advisor never calls.
warnings.filterwarnings("ignore", message='Field name "construct"', category=UserWarning)


class Finding(Model):
    """One (construct, usage) relation reported by the study."""

    id: Id
    construct: Goal
    usage: Lever
    relation: Relation
    strength: Text | None = None  # only where the source qualifies it, e.g. "in lesser degree"
    summary: Text
    quote: NonEmpty  # the Dutch source sentence(s) the finding rests on, verbatim
    note: Text | None = None


class Statement(Model):
    """A conclusion, remark or caveat of the authors that is not a single (construct, usage) pair."""

    id: Id
    kind: Literal["conclusion", "remark", "caveat"]
    constructs: list[Goal] = []
    summary: Text
    quote: NonEmpty
    findings: list[Id] = []  # the findings the statement draws on


class FindingsFile(Model):
    knowledge_version: NonEmpty
    source: Source
    findings: list[Finding] = Field(min_length=1)
    statements: list[Statement] = []


# --------------------------------------------------------------------------------------------
# rules/: the rule set, as data


class ParamRef(Model):
    param: Name


class PatternRef(Model):
    """The value matched by an earlier pattern of the same rule (named with ``as``)."""

    ref: Name


Scalar = Union[Annotated[str, StringConstraints(min_length=1)], int, float]
Operand = Union[Scalar, ParamRef, PatternRef]
ListOperand = Union[list[Scalar], ParamRef]

TESTS = ("is", "is_not", "in", "lt", "lte", "gt", "gte")


class Pattern(Model):
    """One fact a rule needs. Exactly one of goal, answer, derived; tests apply to its value."""

    goal: Union[Goal, list[Goal], Literal["any"], None] = None
    answer: AnswerKey | None = None
    derived: Name | None = None
    as_: Name | None = Field(default=None, alias="as")
    is_: Operand | None = Field(default=None, alias="is")
    is_not: Operand | None = None
    in_: ListOperand | None = Field(default=None, alias="in")
    lt: Operand | None = None
    lte: Operand | None = None
    gt: Operand | None = None
    gte: Operand | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> "Pattern":
        kinds = [name for name in ("goal", "answer", "derived") if getattr(self, name) is not None]
        if len(kinds) != 1:
            raise ValueError("a pattern names exactly one of goal, answer or derived")
        if self.goal is not None and self.tests():
            raise ValueError("a goal pattern takes no tests: list the goals instead")
        if self.goal is None and not self.tests():
            raise ValueError(f"an {kinds[0]} pattern needs a test: one of {', '.join(TESTS)}")
        if isinstance(self.goal, list) and (not self.goal or len(set(self.goal)) != len(self.goal)):
            raise ValueError("goal lists must be non-empty and without repeats")
        return self

    @property
    def kind(self) -> str:
        return "goal" if self.goal is not None else "answer" if self.answer else "derived"

    @property
    def subject(self) -> str:
        """What the pattern reads: a goal list, an answer key or a derived name."""
        if self.goal is not None:
            return "goal"
        return self.answer or self.derived or ""

    def goals(self) -> tuple[str, ...]:
        """The goals a goal pattern accepts (all goals for 'any')."""
        if self.goal == "any":
            return GOALS
        if isinstance(self.goal, list):
            return tuple(self.goal)
        return (self.goal,) if self.goal else ()

    def tests(self) -> list[tuple[str, Any]]:
        found = []
        for name in TESTS:
            value = getattr(self, name + "_" if name in ("is", "in") else name)
            if value is not None:
                found.append((name, value))
        return found


class Conclusion(Model):
    """What a rule concludes. Exactly one of the four."""

    derive: dict[Name, Name] | None = None
    recommend: Id | None = None
    warn: Id | None = None
    caveat: Id | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> "Conclusion":
        given = [name for name in ("derive", "recommend", "warn", "caveat") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("'then' takes exactly one of derive, recommend, warn, caveat")
        if self.derive is not None and len(self.derive) != 1:
            raise ValueError("derive sets exactly one name, e.g. {active_breadth: low}")
        return self

    @property
    def kind(self) -> str:
        for name in ("derive", "recommend", "warn", "caveat"):
            if getattr(self, name) is not None:
                return name
        raise AssertionError("unreachable")  # pragma: no cover

    @property
    def target(self) -> str:
        """The id concluded (recommendation, warning, caveat) or the derived name."""
        if self.derive is not None:
            return next(iter(self.derive))
        return self.recommend or self.warn or self.caveat or ""


class Example(Model):
    """A case beside the rule: answers under which it must (or must not) fire."""

    case: Id
    fires: bool
    invalid: bool = False  # the answers are rejected before any rule runs (a near miss by refusal)
    answers: dict[str, Any]
    note: str | None = None

    @model_validator(mode="after")
    def _invalid_never_fires(self) -> "Example":
        if self.invalid and self.fires:
            raise ValueError("an example with invalid answers cannot fire")
        return self


class Rule(Model):
    id: Id
    description: NonEmpty  # one line, English
    findings: list[Id] = []  # the findings and statements it rests on (empty only for derive rules)
    when: list[Pattern] = Field(min_length=1)
    then: Conclusion
    examples: list[Example] = Field(min_length=2)

    @model_validator(mode="after")
    def _examples_both_ways(self) -> "Rule":
        if not any(e.fires for e in self.examples) or all(e.fires for e in self.examples):
            raise ValueError("examples need at least one case that fires and one near miss that does not")
        cases = [e.case for e in self.examples]
        if len(set(cases)) != len(cases):
            raise ValueError("example cases must have distinct names")
        names = [p.as_ for p in self.when if p.as_]
        if len(set(names)) != len(names):
            raise ValueError("pattern names ('as') must be distinct within a rule")
        return self

    def goal_patterns(self) -> list[Pattern]:
        return [p for p in self.when if p.kind == "goal"]


class Parameter(Model):
    """A named threshold. The study gives none: each carries its provenance."""

    name: Name
    value: Union[int, float, list[Name]]
    unit: NonEmpty
    description: NonEmpty
    provenance: NonEmpty


class Recommendation(Model):
    id: Id
    status: Status
    levers: list[Lever] = Field(min_length=1)
    weight: int = 0  # orders recommendations of equal status and goal rank: higher comes first
    title: Text
    summary: Text
    practice: list[Text] = Field(min_length=1)  # tactics from practice, not from the study


class Notice(Model):
    id: Id
    kind: Literal["warning", "caveat"]
    text: Text


class GoalProfile(Model):
    """What the study says to steer on for one goal, and how the usage chart reads it."""

    goal: Goal
    label: Text
    strategy: Text
    steer_on: list[Lever] = []
    findings: list[Id] = Field(min_length=1)


class Choice(Model):
    """One answer a question offers. A share question offers bands: a range of percentages and the
    value that stands for it in the answers (the band must not straddle a threshold of the rules)."""

    value: Union[Name, int, float]
    label: Text
    band: list[Union[int, float]] | None = None  # [from, to): percent of employees

    @model_validator(mode="after")
    def _value_in_band(self) -> "Choice":
        if self.band is None:
            return self
        if len(self.band) != 2 or not 0 <= self.band[0] < self.band[1] <= 100:
            raise ValueError("a band is [from, to] with 0 <= from < to <= 100")
        if isinstance(self.value, str) or not self.band[0] <= self.value <= self.band[1]:
            raise ValueError(f"the value of a band must be a number within it, e.g. {sum(self.band) // 2}")
        return self


QUESTION_KINDS = {"goals": "goals", "organisation.name": "text", "organisation.employees": "number"}


class Question(Model):
    """One question of the questionnaire, asked only when a rule for the chosen goals reads its
    answer (see advisor/dependencies.py). "Don't know" is offered on every usage and purpose
    question by the questionnaire itself and recorded as 'unknown'."""

    key: Union[AnswerKey, Literal["goals", "organisation.name", "organisation.employees"]]
    kind: Literal["goals", "share", "choice", "text", "number"]
    prompt: Text
    help: Text  # why this is asked; the questionnaire adds the rules and findings that read the answer
    rank_prompt: Text | None = None  # goals: asked to put several chosen goals in order
    choices: list[Choice] = []
    optional: bool = False  # may be left empty (organisation only)

    @model_validator(mode="after")
    def _fits_its_answer(self) -> "Question":
        from .vocabulary import SHARE_ANSWERS, answer_choices

        expected = QUESTION_KINDS.get(self.key) or ("share" if self.key in SHARE_ANSWERS else "choice")
        if self.kind != expected:
            raise ValueError(f"the question for {self.key!r} is of kind {expected!r}")
        if (self.rank_prompt is None) == (self.kind == "goals"):
            raise ValueError("the goals question, and only that one, has a rank_prompt")
        if self.optional and self.key not in ("organisation.name", "organisation.employees"):
            raise ValueError("only the organisation questions are optional; usage questions offer 'don't know'")
        values = [choice.value for choice in self.choices]
        if len(set(values)) != len(values):
            raise ValueError("choices must have distinct values")
        if UNKNOWN in values:
            raise ValueError("don't list 'unknown': every usage question offers \"don't know\" itself")
        if self.kind == "share":
            bands = [choice.band for choice in self.choices]
            if not bands or None in bands:
                raise ValueError("a share question offers bands: give each choice a band [from, to]")
            if any(a[1] > b[0] for a, b in zip(bands, bands[1:])):
                raise ValueError("bands must be in ascending order and must not overlap")
        elif self.kind == "choice":
            if any(choice.band is not None for choice in self.choices):
                raise ValueError("only share questions have bands")
            allowed = answer_choices(self.key) or ()
            if sorted(map(str, values)) != sorted(allowed):
                raise ValueError(f"offer exactly these choices: {', '.join(allowed)}")
        elif self.choices:
            raise ValueError(f"a {self.kind} question has no choices")
        return self


class RuleFile(Model):
    """One YAML file under rules/: any of these sections, merged with the other files."""

    rules: list[Rule] = []
    recommendations: list[Recommendation] = []
    notices: list[Notice] = []
    parameters: list[Parameter] = []
    goals: list[GoalProfile] = []
    questions: list[Question] = []


# --------------------------------------------------------------------------------------------
# Answers: what the user tells the advisor

def _share(value: Any) -> int | float | str:
    """A percentage of employees, 0 to 100, or 'unknown'. 8 and 8.0 are the same answer."""
    if value == UNKNOWN:
        return UNKNOWN
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError("expected a percentage from 0 to 100, or 'unknown'")
    if not 0 <= value <= 100:
        raise ValueError("a share is a percentage of all employees, from 0 to 100")
    # Two decimals are more than any survey measures, and keep numbers out of exponent notation
    # (5e-324), which durable_rules' JSON reader does not understand.
    value = round(float(value), 2)
    return int(value) if value.is_integer() else value


Share = Annotated[
    Union[int, float, str],
    PlainValidator(_share),
    WithJsonSchema({"anyOf": [{"type": "number", "minimum": 0, "maximum": 100}, {"const": "unknown"}]}),
]


class Usage(Model):
    active_share: Share = UNKNOWN  # % of employees who posted or reacted in the past month
    active_frequency: Frequency = UNKNOWN  # how often those people post or react
    passive_share: Share = UNKNOWN  # % of employees who read the platform in the past month
    passive_frequency: Frequency = UNKNOWN


class Purposes(Model):
    ideas: PurposeLevel = UNKNOWN
    expertise: PurposeLevel = UNKNOWN
    processes: PurposeLevel = UNKNOWN
    strategy_dialogue: PurposeLevel = UNKNOWN
    read_only: PurposeLevel = UNKNOWN


class Organisation(Model):
    name: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None
    employees: Annotated[int, Field(ge=1, le=10_000_000)] | None = None


class Answers(Model):
    goals: list[Goal] = Field(min_length=1, max_length=len(GOALS))  # most important first
    usage: Usage
    purposes: Purposes = Purposes()
    organisation: Organisation | None = None

    @field_validator("goals")
    @classmethod
    def _distinct_goals(cls, goals: list[str]) -> list[str]:
        repeated = sorted({g for g in goals if goals.count(g) > 1})
        if repeated:
            raise ValueError(f"goal listed more than once: {', '.join(repeated)}")
        return goals

    def value(self, key: str) -> Any:
        """The answer at a dotted key such as 'usage.active_share'."""
        section, name = key.split(".", 1)
        return getattr(getattr(self, section), name)


# --------------------------------------------------------------------------------------------
# Advice: what the advisor answers (the JSON contract)


class Evidence(Model):
    finding: str
    kind: Literal["finding", "conclusion", "remark", "caveat"]
    construct: Goal | None
    usage: Lever | None
    relation: Relation | None
    strength: str | None
    summary: str
    quote: str


class Tactic(Model):
    basis: Literal["practice"] = "practice"  # never a study result: see README, "Evidence and practice"
    text: str


class AdviceRecommendation(Model):
    id: str
    priority: int
    title: str
    summary: str
    goals: list[Goal]
    levers: list[Lever]
    status: Status
    evidence: list[Evidence]
    practice: list[Tactic]
    rules: list[str]


class AdviceNotice(Model):
    id: str
    text: str
    goals: list[Goal]
    evidence: list[Evidence]
    rules: list[str]


class Strategy(Model):
    goal: Goal
    label: str
    text: str
    steer_on: list[Lever]
    findings: list[str]


class Unknown(Model):
    answer: AnswerKey
    goals: list[Goal]
    rules: list[str]


class Advice(Model):
    schema_version: str = SCHEMA_VERSION
    knowledge_version: str
    lang: Lang
    goals: list[Goal]
    strategy: list[Strategy]
    recommendations: list[AdviceRecommendation]
    warnings: list[AdviceNotice]
    caveats: list[AdviceNotice]
    unknowns: list[Unknown]
    trace: list[str]


# --------------------------------------------------------------------------------------------
# Workshops: one file holds a workshop's settings and every response collected in it

TeamName = Annotated[str, StringConstraints(min_length=1, max_length=60, strip_whitespace=True)]
WORKSHOP_FORMAT = "advisor-workshop"
WORKSHOP_VERSION = "1"  # the workshop file's own version, independent of the advice schema


class WorkshopResponse(Model):
    """The answers of one team or person. No team name: collected anonymously."""

    number: int = Field(ge=1)  # stable within the workshop, never reused while the response exists
    team: TeamName | None = None
    answers: Answers


class Workshop(Model):
    format: Literal["advisor-workshop"] = WORKSHOP_FORMAT
    version: Literal["1"] = WORKSHOP_VERSION
    name: Annotated[str, StringConstraints(min_length=1, max_length=120, strip_whitespace=True)]
    lang: Lang
    created: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]
    # No aggregate is shown over fewer answers than this, so no one's answers can be singled out.
    min_group_size: int = Field(default=3, ge=1, le=1000)
    responses: list[WorkshopResponse] = []

    @model_validator(mode="after")
    def _distinct_responses(self) -> "Workshop":
        numbers = [r.number for r in self.responses]
        if len(set(numbers)) != len(numbers):
            raise ValueError("response numbers must be distinct")
        teams = [r.team.casefold() for r in self.responses if r.team]
        repeated = sorted({team for team in teams if teams.count(team) > 1})
        if repeated:
            raise ValueError(f"team listed more than once: {', '.join(repeated)}")
        return self


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
    description: str
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
    goals: list[Goal]
    rules: list[RuleTrace]
    evidence: list[Evidence]


class Explanation(Model):
    schema_version: str = SCHEMA_VERSION
    knowledge_version: str
    lang: Lang
    goals: list[Goal]
    answers: list[AnswerTrace]
    derived: list[DerivedTrace]
    trace: list[str]  # the rules that fired, in chaining order
    conclusions: list[ConclusionTrace]


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
    code: str  # the kind of problem, e.g. "never-fires"
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


# --------------------------------------------------------------------------------------------
# The findings as a table (`advisor findings --format json`)


class FindingRow(Model):
    id: str
    construct: Goal
    usage: Lever
    relation: Relation
    strength: str | None
    summary: str
    quote: str
    note: str | None
    rules: list[str]  # the rules citing it


class StatementRow(Model):
    id: str
    kind: Literal["conclusion", "remark", "caveat"]
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


# --------------------------------------------------------------------------------------------
# Embedding: the exported knowledge (`advisor export`), the line protocol (`advisor serve`) and
# batch runs (`advisor batch`). Their JSON Schemas ship in advisor/schemas/.

EXPORT_FORMAT = "intranet-adoption-advisor/knowledge"
EXPORT_VERSION = "1.0"  # raised when a field changes meaning or goes; new fields keep it

RequestId = Union[Annotated[str, StringConstraints(max_length=200)], int, None]


class DerivedFact(Model):
    """What a derive rule's firing asserts: {t: derived, name, value, by: RULE-ID, id}."""

    name: Name
    value: Name


class CompiledRuleSet(Model):
    """The rule set as durable_rules ruleset definitions, without actions: what both engines run.

    Facts are {t: goal, goal, rank}, {t: answer, key, value[, number]} (a known share has
    value 'known' and its number) and the derived facts; each has an ``id``. Every firing
    records the rule and its goals; a derive rule's firing also asserts its derived fact once.
    """

    engine: Literal["durable_rules"] = "durable_rules"
    engine_version: str  # the durable_rules release the definitions are written for
    rules: dict[str, dict[str, Any]]  # rule id -> {"all": [{pattern name: condition}, ...]}
    derives: dict[str, DerivedFact]  # rule id -> the fact its firings derive
    catch_all: dict[str, Any]  # one more rule every fact enters, so durable_rules accepts any fact


class KnowledgeExport(Model):
    """The whole knowledge base in one versioned document (`advisor export`)."""

    format: Literal["intranet-adoption-advisor/knowledge"] = EXPORT_FORMAT
    format_version: str = EXPORT_VERSION
    advisor_version: str
    knowledge_version: str
    source: Source
    findings: list[Finding]
    statements: list[Statement]
    rules: list[Rule]  # in source form, in the order the advisor reads them
    compiled: CompiledRuleSet
    parameters: list[Parameter]
    questions: list[Question]
    recommendations: list[Recommendation]
    notices: list[Notice]
    goals: list[GoalProfile]


class Request(Model):
    """One line of `advisor serve --stdio` in its long form; a bare answers object also works."""

    id: RequestId = None  # echoed in the response, to match them up
    lang: Lang | None = None  # the language of this advice (default: the server's --lang)
    answers: dict[str, Any]  # an answers document (schema: answers)


class Response(Model):
    """The answer to a request in long form: its id and the advice."""

    id: RequestId = None
    advice: Advice


class ErrorProblem(Model):
    field: str | None = None  # dotted path into the answers, e.g. usage.active_share
    message: str
    hint: str | None = None


ErrorCode = Literal["invalid_json", "invalid_request", "invalid_answers", "line_too_long", "internal_error"]


class ErrorDetail(Model):
    code: ErrorCode
    message: str
    line: int  # the input line (1-based) this error answers
    problems: list[ErrorProblem] = []


class ErrorResponse(Model):
    """What `advisor serve` writes for a line it cannot advise on; it then reads the next line."""

    id: RequestId = None  # the request's id, when the line could be read that far
    error: ErrorDetail


class BatchProblem(Model):
    row: int  # the CSV or JSON-lines line, or the number of the file in the folder (1-based)
    id: str | None = None  # the row's id column, or the file name
    source: str
    line: int | None = None
    column: int | None = None
    field: str | None = None  # the column or answers field at fault
    message: str
    hint: str | None = None


class BatchSummary(Model):
    """summary.json of `advisor batch`: what was read, advised and refused."""

    schema_version: str = SCHEMA_VERSION
    knowledge_version: str
    engine: str
    input: str
    input_kind: Literal["csv", "jsonl", "folder"]
    format: Literal["json", "markdown", "html"]
    lang: Lang
    rows: int
    advised: int
    invalid: int
    primary_recommendations: dict[str, int]  # id of the first recommendation -> rows, most first
    recommendations: dict[str, int]  # every recommendation id -> rows it appears in, most first
    warnings: dict[str, int]
    without_recommendation: int
    invalid_rows: list[BatchProblem]
