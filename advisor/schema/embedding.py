"""Embedding: the exported knowledge, the line protocol and batch summaries."""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import StringConstraints

from .base import Lang, Model, Name, SCHEMA_VERSION
from .knowledge import Finding, GoalProfile, Notice, Parameter, Question, Recommendation, Rule, Source, Statement
from .advice import Advice
from .vocabulary import Vocabulary

__all__ = ['BatchProblem', 'BatchSummary', 'CompiledRuleSet', 'DerivedFact', 'EXPORT_FORMAT', 'EXPORT_VERSION', 'ErrorCode', 'ErrorDetail', 'ErrorProblem', 'ErrorResponse', 'KnowledgeExport', 'Request', 'RequestId', 'Response']

# --------------------------------------------------------------------------------------------
# Embedding: the exported knowledge (`advisor export`), the line protocol (`advisor serve`) and
# batch runs (`advisor batch`). Their JSON Schemas ship in advisor/schema/json/.

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
    vocabulary: Vocabulary | None = None  # the words of the answers format (in every export since it was added)


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
    format: Literal["json", "jsonl", "markdown", "html"]
    lang: Lang
    rows: int
    advised: int
    invalid: int
    primary_recommendations: dict[str, int]  # id of the first recommendation -> rows, most first
    recommendations: dict[str, int]  # every recommendation id -> rows it appears in, most first
    warnings: dict[str, int]
    without_recommendation: int
    invalid_rows: list[BatchProblem]
