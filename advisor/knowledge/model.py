"""The knowledge base as the advisor holds it: findings, rules and catalog by id, and where each
item was defined (for the problems that point at it)."""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..errors import Problem
from ..files.read import Document, Loc
from ..schema import (
    Finding,
    FindingsFile,
    GoalProfile,
    Notice,
    Parameter,
    Question,
    Recommendation,
    Rule,
    Statement,
    Vocabulary,
    Wording,
)
from .dependencies import Dependencies


@dataclass(frozen=True)
class Origin:
    """Where an item of the knowledge base was defined, for error messages."""

    document: Document
    loc: Loc
    id: str | None = None  # the item's id (or name, goal, key): what its problems are about

    def problem(self, sub: Loc, message: str, hint: str | None = None, *, code: str | None = None) -> Problem:
        return self.document.problem(self.loc + tuple(sub), message, hint, code=code, id=self.id)


_names = itertools.count(1)
_names_lock = threading.Lock()


@dataclass(eq=False)
class Knowledge:
    """A loaded, cross-checked knowledge base. Immutable once loaded."""

    version: str
    findings_file: FindingsFile
    rules: list[Rule]
    recommendations: dict[str, Recommendation]
    notices: dict[str, Notice]
    parameters: dict[str, Parameter]
    goal_profiles: dict[str, GoalProfile]
    questions: list[Question]
    vocabulary: Vocabulary  # the answers format's words: the installed advisor's (see load._check_vocabulary)
    # how each language words causal claims and names the outcomes (for `advisor check`), by language
    wording: dict[str, Wording] = field(default_factory=dict)
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)  # (section, id) -> origin
    paths: tuple[str, str] = ("", "")
    name: str = ""  # unique per loaded knowledge base: the engine registers its ruleset under it

    def __post_init__(self) -> None:
        with _names_lock:
            self.name = f"advisor-{next(_names)}-{self.version.rsplit('+', 1)[-1]}"

    @cached_property
    def findings(self) -> dict[str, Finding]:
        return {f.id: f for f in self.findings_file.findings}

    @cached_property
    def statements(self) -> dict[str, Statement]:
        return {s.id: s for s in self.findings_file.statements}

    @cached_property
    def rules_by_id(self) -> dict[str, Rule]:
        return {rule.id: rule for rule in self.rules}

    @cached_property
    def rule_order(self) -> dict[str, int]:
        return {rule.id: index for index, rule in enumerate(self.rules)}

    @cached_property
    def finding_order(self) -> dict[str, int]:
        ids = [f.id for f in self.findings_file.findings] + [s.id for s in self.findings_file.statements]
        return {id_: index for index, id_ in enumerate(ids)}

    @cached_property
    def derived_values(self) -> dict[str, set[str]]:
        """Each derived name and the values the derive rules can give it."""
        values: dict[str, set[str]] = {}
        for rule in self.rules:
            if rule.then.derive:
                for name, value in rule.then.derive.items():
                    values.setdefault(name, set()).add(value)
        return values

    @cached_property
    def dependencies(self) -> Dependencies:
        """What depends on what: which answers each goal needs, and in which order rules chain."""
        return Dependencies(self.rules)

    def goal_labels(self, lang: str) -> dict[str, str]:
        """Each goal's name in a language, in the order of the goal profiles."""
        return {goal: profile.label.get(lang) for goal, profile in self.goal_profiles.items()}

    def param(self, name: str) -> Any:
        return self.parameters[name].value

    def origin(self, section: str, id_: str) -> Origin:
        return self.origins[(section, id_)]
