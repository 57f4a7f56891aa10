"""The frequency thresholds: named parameters of the knowledge (rules/catalog/parameters.yaml),
read here rather than by a rule. The study gives no cut-offs; these are heuristics, and every
output that uses them says so."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ..errors import AdvisorError, Problem
from ..i18n import SOURCE_LANG, t

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
        raise AdvisorError(problems)
    return Thresholds({name: knowledge.param(name) for name in PARAMETERS})


def threshold_problems(knowledge, lang: str = SOURCE_LANG) -> list[Problem]:
    """A problem for each measurement parameter that is missing (code missing-parameter), not
    marked as the measurement's, not a positive number, or out of order (daily > weekly >
    monthly; code invalid-parameter); each is about its parameter. Messages in ``lang``."""
    problems: list[Problem] = []
    values: dict[str, int | float] = {}
    for name in PARAMETERS:
        parameter = knowledge.parameters.get(name)
        if parameter is None:
            problem = Problem(
                source=knowledge.paths[1],
                field="parameters",
                message=t(lang, "check.missing-parameter", name=repr(name)),
                hint=t(lang, "check.missing-parameter.hint"),
                code="missing-parameter",
                id=name,
            )
            problems.append(problem)
            continue
        origin = knowledge.origin("parameters", name)
        value = parameter.value
        if isinstance(value, list) or value <= 0:
            problems.append(origin.problem(("value",), t(lang, "check.invalid-parameter.value", name=name), code="invalid-parameter"))
            continue
        if parameter.used_by != "measurement":
            message, hint = t(lang, "check.invalid-parameter.used_by", name=name), t(lang, "check.invalid-parameter.used_by.hint")
            problems.append(origin.problem(("used_by",), message, hint, code="invalid-parameter"))
        values[name] = value
    ordered = [values[name] for name in PARAMETERS if name in values]
    if len(ordered) == len(PARAMETERS) and not ordered[0] > ordered[1] > ordered[2]:
        problem = knowledge.origin("parameters", PARAMETERS[1]).problem(
            ("value",),
            t(lang, "check.invalid-parameter.order", daily=ordered[0], weekly=ordered[1], monthly=ordered[2]),
            code="invalid-parameter",
        )
        problems.append(problem)
    return problems
