"""Advice: what the advisor answers (the JSON contract)."""

from __future__ import annotations

from typing import Literal

from .base import AnswerKey, Basis, Goal, Lang, Lever, Model, Relation, SCHEMA_VERSION, StatementKind, Status

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
    goals: list[Goal]
    levers: list[Lever]
    status: Status
    basis: Basis  # finding: backed by a measured finding; conclusion: by an authors' conclusion only
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
    steer_on: list[Lever]  # levers the study relates to the goal
    suggested: list[Lever]  # levers an authors' conclusion suggests, not a measured relation
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
