"""Advice: what the advisor answers (the JSON contract)."""

from __future__ import annotations

from typing import Literal

from pydantic import model_serializer

from .base import AnswerKey, Basis, Frozen, Goal, Lang, Lever, Model, Relation, SCHEMA_VERSION, StatementKind, Status
from .measured import Measured

__all__ = ['Advice', 'AdviceNotice', 'AdviceRecommendation', 'Evidence', 'Strategy', 'Tactic', 'Unknown']

# --------------------------------------------------------------------------------------------
# Advice: what the advisor answers (the JSON contract)


class Evidence(Model):
    finding: str
    kind: Literal["finding"] | StatementKind
    construct: Goal | None
    usage: Lever | None
    relation: Relation | None
    inferred: bool  # the relation is read from the source's wording, not stated in it: `note` says how
    strength: str | None
    summary: str
    quote: str
    note: str | None  # how an inferred relation was read, or what else qualifies the finding


class Tactic(Model):
    basis: Literal["practice"] = "practice"  # never a study result: docs/knowledge.md, "Findings, rules and practice"
    text: str


class AdviceRecommendation(Model):
    id: str
    priority: int
    title: str
    summary: str
    goals: Frozen[Goal]
    levers: Frozen[Lever]
    status: Status
    basis: Basis  # finding: backed by a measured finding; conclusion: by an authors' conclusion only
    evidence: Frozen[Evidence]
    practice: Frozen[Tactic]
    rules: Frozen[str]


class AdviceNotice(Model):
    id: str
    text: str
    goals: Frozen[Goal]
    evidence: Frozen[Evidence]
    rules: Frozen[str]


class Strategy(Model):
    goal: Goal
    label: str
    text: str
    steer_on: Frozen[Lever]  # levers the study relates to the goal
    suggested: Frozen[Lever]  # levers an authors' conclusion suggests, not a measured relation
    findings: Frozen[str]


class Unknown(Model):
    answer: AnswerKey
    goals: Frozen[Goal]
    rules: Frozen[str]


class Advice(Model):
    schema_version: str = SCHEMA_VERSION
    knowledge_version: str
    lang: Lang
    goals: Frozen[Goal]
    strategy: Frozen[Strategy]
    recommendations: Frozen[AdviceRecommendation]
    warnings: Frozen[AdviceNotice]
    caveats: Frozen[AdviceNotice]
    unknowns: Frozen[Unknown]
    trace: Frozen[str]
    # where the usage figures came from when they were measured from a platform's export (advisor
    # measure, --usage-from), with where the answers differ from them; left out for estimated usage
    measured: Measured | None = None

    @model_serializer(mode="wrap")
    def _measured_only_when_measured(self, handler):
        # advice on estimated usage is written as it was before measured usage existed, so tools
        # that validate it against an earlier schema keep working
        data = handler(self)
        if data.get("measured") is None:
            data.pop("measured", None)
        return data
