"""findings.yaml and rules/: the study's findings and the rule set, as data."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, Union

from pydantic import AfterValidator, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from ..vocabulary import GOALS, UNKNOWN
from .base import AnswerKey, Basis, Goal, Id, Lang, Lever, Model, Name, NonEmpty, Relation, StatementKind, Status, Text
from .vocabulary import Vocabulary

__all__ = ['Choice', 'Conclusion', 'Example', 'Finding', 'FindingsFile', 'GoalProfile', 'ListOperand', 'Notice', 'Operand', 'ParamRef', 'Parameter', 'Pattern', 'PatternRef', 'QUESTION_KINDS', 'Question', 'Recommendation', 'Rule', 'RuleFile', 'Scalar', 'Source', 'Statement', 'TESTS', 'Wording']

# --------------------------------------------------------------------------------------------
# findings.yaml: the study, as data


class Source(Model):
    title: NonEmpty
    publisher: NonEmpty
    partner: Text  # in each language: the Universiteit van Amsterdam is the University of Amsterdam in English
    year: int | None = None
    organisations: int = Field(gt=0)
    language: Lang
    note: Text | None = None
    text: NonEmpty  # the whole source text, verbatim: every quote must be a passage of it


class Finding(Model):
    """One (construct, usage) relation reported by the study."""

    id: Id
    construct: Goal
    usage: Lever
    relation: Relation
    inferred: bool = False  # the relation is read from the wording, not stated: `note` says how
    strength: Text | None = None  # only where the source qualifies it, e.g. "in lesser degree"
    summary: Text
    quote: NonEmpty  # the Dutch source sentence(s) the finding rests on, verbatim ("[sic]" marks a typo)
    note: Text | None = None


class Statement(Model):
    """A conclusion, remark or caveat of the authors, or how the study measured (method), that is
    not a single (construct, usage) pair."""

    id: Id
    kind: StatementKind
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
    description: Text  # one line: when the rule applies, shown by explain and why-not
    findings: list[Id] = []  # the findings and statements it rests on (empty only for derive rules)
    when: list[Pattern] = Field(min_length=1)
    then: Conclusion
    examples: list[Example] = Field(min_length=2)

    @model_validator(mode="after")
    def _examples_both_ways(self) -> "Rule":
        if not any(e.fires for e in self.examples) or all(e.fires for e in self.examples):
            # its own error type: `advisor check` reports it as no-examples (knowledge/load.py)
            raise PydanticCustomError("no_examples", "examples need at least one case that fires and one near miss that does not")
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
    description: Text
    provenance: Text  # where the value comes from; never the study, which gives no thresholds
    # who reads it: a rule (through {param: NAME}), or `advisor measure` (advisor/measure/thresholds.py)
    used_by: Literal["rules", "measurement"] = "rules"


class Recommendation(Model):
    id: Id
    status: Status
    basis: Basis = "finding"  # conclusion: rests on an authors' conclusion, not a measured relation
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
    steer_on: list[Lever] = []  # levers with a positive finding for the goal
    suggested: list[Lever] = []  # levers an authors' conclusion suggests, not a measured relation
    findings: list[Id] = Field(min_length=1)


class Choice(Model):
    """One answer a question offers. A choice of a share question is a band, a range of
    percentages, and the answers record that band as the format writes it ('25-50', see
    ``answer``); the band must not straddle a threshold of the rules. Any other choice is a value."""

    value: Union[Name, int, float, None] = None
    label: Text
    band: list[Union[int, float]] | None = None  # [from, to): percent of employees

    @model_validator(mode="after")
    def _value_or_band(self) -> "Choice":
        if self.band is None:
            if self.value is None:
                raise ValueError("a choice has a value (or, in a share question, a band)")
            return self
        if len(self.band) != 2 or not 0 <= self.band[0] < self.band[1] <= 100:
            raise ValueError("a band is [from, to] with 0 <= from < to <= 100")
        if self.value is not None:
            raise ValueError("a band choice records its band ('25-50'): leave out its value")
        return self

    @property
    def answer(self) -> Union[str, int, float]:
        """What the answers record when the choice is picked: its value, or its band ('25-50')."""
        from .shares import band_text

        return band_text(*self.band) if self.band is not None else self.value  # type: ignore[return-value]


QUESTION_KINDS = {"goals": "goals", "organisation.name": "text", "organisation.employees": "number"}


class Question(Model):
    """One question of the questionnaire, asked only when a rule for the chosen goals reads its
    answer (see advisor/knowledge/dependencies.py). "Don't know" is offered on every usage and purpose
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
        from ..vocabulary import SHARE_ANSWERS, answer_choices

        expected = QUESTION_KINDS.get(self.key) or ("share" if self.key in SHARE_ANSWERS else "choice")
        if self.kind != expected:
            raise ValueError(f"the question for {self.key!r} is of kind {expected!r}")
        if (self.rank_prompt is None) == (self.kind == "goals"):
            raise ValueError("the goals question, and only that one, has a rank_prompt")
        if self.optional and self.key not in ("organisation.name", "organisation.employees"):
            raise ValueError("only the organisation questions are optional; usage questions offer 'don't know'")
        values = [choice.answer for choice in self.choices]
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


def _regular_expression(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as error:
        raise ValueError(f"not a regular expression: {error}") from None
    return pattern


Expression = Annotated[str, StringConstraints(min_length=1), AfterValidator(_regular_expression)]


class Wording(Model):
    """How one language words what `advisor check` looks for in the texts of the knowledge
    (rules/catalog/wording.yaml). Each entry is a regular expression, matched without regard to
    case; a language of the advisor without its wording is reported by `advisor check`."""

    lang: Lang
    # causal or promising words: the study reports correlations across organisations, and its
    # authors "may not speak of causality"
    causal: list[Expression] = Field(min_length=1)
    # how the outcomes and purposes are named: a text names the same ones in every language
    names: dict[Union[Goal, Lever], list[Expression]] = Field(min_length=1)
    # how a parameter's provenance says that its value is a heuristic: the study gives no thresholds
    not_from_the_study: list[Expression] = Field(min_length=1)


class RuleFile(Model):
    """One YAML file under rules/: any of these sections, merged with the other files."""

    rules: list[Rule] = []
    recommendations: list[Recommendation] = []
    notices: list[Notice] = []
    parameters: list[Parameter] = []
    goals: list[GoalProfile] = []
    questions: list[Question] = []
    wording: list[Wording] = []
    vocabulary: Vocabulary | None = None  # in one file only: catalog/vocabulary.yaml
