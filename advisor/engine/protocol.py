"""What every rule engine is to the rest of the advisor: facts in, firings out.

An engine runs the compiled rule set (compiler.py) on the facts of one consultation and reports
which rules fired, and for which of the chosen goals. It never orders, words or cites anything:
the advice is assembled from the knowledge base afterwards (advisor/reasoning/), so every engine
that reports the same firings gives the same advice, byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Protocol

Fact = dict[str, Any]  # {"t": type, "id": unique in the consultation, ...}: see compiler.py


@dataclass(frozen=True)
class Firing:
    """One rule firing: the rule and the goals of the goal facts it matched."""

    rule: str
    goals: tuple[str, ...]


def firing_of(rule_id: str, matched: Iterable[Fact]) -> Firing:
    """The firing of a rule that matched these facts (one per pattern)."""
    return Firing(rule_id, tuple(fact["goal"] for fact in matched if fact.get("t") == "goal"))


class Engine(Protocol):
    """Runs consultations on one knowledge base. Implementations are safe to share between threads."""

    name: str  # "durable" or "python"

    def run(self, facts: list[Fact]) -> list[Firing]:
        """Assert the facts in a fresh consultation and return every firing, in any order."""
        ...
