"""What depends on what in a rule set: which answers each goal needs, and in which order rules
chain. Read from the rules themselves, so adding a rule that reads an answer makes the
questionnaire ask for it, with no Python change.

A rule *serves* a goal when one of its goal patterns accepts that goal. A goal *needs* an answer
when a rule serving it reads the answer, directly or through the derive rules behind a derived
fact it reads. Rules with no goal pattern (consistency checks) run on whatever was answered but
never make a question necessary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Sequence

from ..schema import Rule


@dataclass
class Dependencies:
    rules: Sequence[Rule]  # the knowledge's rules, in their order
    _needs_cache: dict = field(default_factory=dict)

    @cached_property
    def producers(self) -> dict[str, list[Rule]]:
        """Derived name -> the derive rules that can assert it."""
        found: dict[str, list[Rule]] = {}
        for rule in self.rules:
            if rule.then.derive:
                found.setdefault(rule.then.target, []).append(rule)
        return found

    @cached_property
    def strata(self) -> dict[str, int]:
        """Rule id -> chaining depth: 0 reads only goals and answers, n+1 reads what depth n derives."""
        depth: dict[str, int] = {}
        visiting: set[str] = set()

        def visit(rule: Rule) -> int:
            if rule.id in depth:
                return depth[rule.id]
            if rule.id in visiting:
                raise ValueError(f"rules derive in a cycle through {rule.id!r}")
            visiting.add(rule.id)
            below = [
                visit(producer)
                for pattern in rule.when
                if pattern.derived
                for producer in self.producers.get(pattern.derived, [])
            ]
            visiting.discard(rule.id)
            depth[rule.id] = 1 + max(below) if below else 0
            return depth[rule.id]

        for rule in self.rules:
            visit(rule)
        return depth

    def reads(self, rule: Rule) -> set[str]:
        """The answer keys a rule reads, directly or through the derive rules it depends on."""
        keys = {p.answer for p in rule.when if p.answer}
        for pattern in rule.when:
            if pattern.derived:
                for producer in self.producers.get(pattern.derived, []):
                    if producer.id != rule.id:
                        keys |= self.reads(producer)
        return keys

    def serving(self, goal: str) -> list[Rule]:
        return [r for r in self.rules if any(goal in p.goals() for p in r.goal_patterns())]

    def needs(self, goals: tuple[str, ...] | list[str]) -> dict[str, dict[str, list[str]]]:
        """Answer key -> {"goals": goals needing it, "rules": rules reading it}, for these goals."""
        goals = tuple(goals)
        if goals in self._needs_cache:
            return self._needs_cache[goals]
        needs: dict[str, dict[str, list[str]]] = {}
        for goal in goals:
            for rule in self.serving(goal):
                for key in sorted(self.reads(rule)):
                    entry = needs.setdefault(key, {"goals": [], "rules": []})
                    if goal not in entry["goals"]:
                        entry["goals"].append(goal)
                    if rule.id not in entry["rules"]:
                        entry["rules"].append(rule.id)
        order = {rule.id: index for index, rule in enumerate(self.rules)}
        for entry in needs.values():
            entry["rules"].sort(key=order.__getitem__)
        self._needs_cache[goals] = needs
        return needs

