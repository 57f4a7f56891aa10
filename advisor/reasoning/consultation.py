"""One consultation: the facts asserted for a set of answers and what the engine made of them.

The pipeline (pipeline.py) produces it; the advice (assembly.py), the explanation (trace.py,
explain.py) and comparisons (compare.py) all read the same one, so none of them runs the rules
again or recomputes what the engine decided.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..engine.compiler import derived_fact
from ..engine.protocol import Fact, Firing
from ..knowledge.load import Knowledge
from ..schema import Answers
from ..vocabulary import ANSWER_KEYS


@dataclass
class Consultation:
    """The facts of one consultation: goals, answers, and what the rules derived and fired."""

    knowledge: Knowledge
    answers: Answers
    facts: list[Fact]  # the facts asserted: one per goal and one per answer
    firings: list[Firing]
    goals: tuple[str, ...] = ()
    values: dict[str, Any] = field(default_factory=dict)  # answer key -> value
    derived: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # name -> [(value, rule)]
    fired: dict[str, list[str]] = field(default_factory=dict)  # rule -> goals it fired for

    def __post_init__(self) -> None:
        self.goals = tuple(self.answers.goals)
        self.values = {key: self.answers.value(key) for key in ANSWER_KEYS}
        for firing in self.firings:
            goals = self.fired.setdefault(firing.rule, [])
            goals.extend(g for g in firing.goals if g not in goals)
        for rule in self.knowledge.rules:  # in rule order, so the explanation reads the same each time
            if rule.id in self.fired and rule.then.derive:
                name, value = next(iter(rule.then.derive.items()))
                self.derived.setdefault(name, []).append((value, rule.id))
        rank = {goal: index for index, goal in enumerate(self.goals)}
        for goals in self.fired.values():
            goals.sort(key=lambda goal: rank.get(goal, len(rank)))

    def derived_values(self, name: str) -> list[str]:
        seen: list[str] = []
        for value, _ in self.derived.get(name, []):
            if value not in seen:
                seen.append(value)
        return seen

    def derived_facts(self, name: str) -> list[Fact]:
        """The facts the derive rules asserted for a name, as the engine saw them."""
        return [derived_fact(rule, name, value) for value, rule in self.derived.get(name, [])]

    def facts_of(self, kind: str, subject: str | None = None) -> list[Fact]:
        """The facts a pattern can read: the goals, one answer (by key) or a derived name."""
        if kind == "goal":
            return [fact for fact in self.facts if fact["t"] == "goal"]
        if kind == "answer":
            return [fact for fact in self.facts if fact["t"] == "answer" and fact["key"] == subject]
        return self.derived_facts(subject or "")
