"""The frequency thresholds: named parameters of the knowledge (rules/catalog/parameters.yaml),
read here rather than by a rule. The study gives no cut-offs; these are heuristics, and every
output that uses them says so."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ..errors import AdvisorError, Problem

# (frequency, parameter): a rate per 30 days from the parameter's value on is that frequency
BANDS = (("daily", "frequency_daily"), ("weekly", "frequency_weekly"), ("monthly", "frequency_monthly"))
PARAMETERS = tuple(name for _, name in BANDS)  # `advisor check` counts these as used


@dataclass(frozen=True)
class Thresholds:
    values: dict[str, int | float]  # parameter name -> value, in the order of BANDS

    def band(self, per_30_days: Fraction) -> str:
        """daily, weekly, monthly or less for a rate per 30 days (exact: no rounding at the edges)."""
        for frequency, name in BANDS:
            if per_30_days >= Fraction(self.values[name]):
                return frequency
        return "less"


def thresholds(knowledge) -> Thresholds:
    """The thresholds of a knowledge base; an AdvisorError says which parameter is missing or wrong."""
    problems = threshold_problems(knowledge)
    if problems:
        raise AdvisorError([problem for _, _, problem in problems])
    return Thresholds({name: knowledge.param(name) for name in PARAMETERS})


def threshold_problems(knowledge) -> list[tuple[str, str, Problem]]:
    """(parameter, code, problem) for each measurement parameter that is missing (code
    missing-parameter), not marked as the measurement's, not a positive number, or out of order
    (daily > weekly > monthly; code invalid-parameter)."""
    problems: list[tuple[str, str, Problem]] = []
    values: dict[str, int | float] = {}
    for name in PARAMETERS:
        parameter = knowledge.parameters.get(name)
        if parameter is None:
            problem = Problem(
                source=knowledge.paths[1],
                field="parameters",
                message=f"no parameter {name!r}: advisor measure reads it",
                hint="add it with `used_by: measurement` (see the shipped rules/catalog/parameters.yaml)",
            )
            problems.append((name, "missing-parameter", problem))
            continue
        origin = knowledge.origin("parameters", name)
        value = parameter.value
        if isinstance(value, list) or value <= 0:
            problem = origin.problem(("value",), f"{name} must be a number above 0 (times per 30 days)")
            problems.append((name, "invalid-parameter", problem))
            continue
        if parameter.used_by != "measurement":
            problem = origin.problem(("used_by",), f"{name} is read by advisor measure", hint="add `used_by: measurement`")
            problems.append((name, "invalid-parameter", problem))
        values[name] = value
    ordered = [values[name] for name in PARAMETERS if name in values]
    if len(ordered) == len(PARAMETERS) and not ordered[0] > ordered[1] > ordered[2]:
        problem = knowledge.origin("parameters", PARAMETERS[1]).problem(
            ("value",),
            "the frequency thresholds must fall: frequency_daily > frequency_weekly > frequency_monthly "
            f"(got {ordered[0]}, {ordered[1]}, {ordered[2]})",
        )
        problems.append((PARAMETERS[1], "invalid-parameter", problem))
    return problems
