"""One run of `advisor check` over a loaded knowledge base: what the checks read and what they found.

The checks (checks/*.py, declared in registry.py) get a ``Lint``: the knowledge base and the rule
engine to run its rules on, the language of the report, and the problems found so far. A check
reports a problem with ``add`` (at an item of the knowledge: its file, line and field) or
``add_problem`` (one made elsewhere, with its code and id); either refuses a code the running
check has not declared.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..errors import Problem
from ..i18n import SOURCE_LANG
from ..knowledge.load import Knowledge
from ..reasoning.pipeline import Advisor
from ..schema import CheckProblem, GridFigures
from .registry import CODES, Check


@dataclass
class Lint:
    advisor: Advisor  # the knowledge base, and the rule engine to run examples and combinations on
    lang: str = SOURCE_LANG  # of the messages and hints
    problems: list[CheckProblem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # what was not checked (see coverage.py)
    examples: dict[str, int] = field(default_factory=dict)  # run, passed (checks/examples.py)
    grid: GridFigures | None = None  # the figures of the grid, when it ran (checks/coverage.py)
    running: Check | None = None  # the check that runs now: it reports only the codes it declares
    progress: Callable[[int, int], None] | None = None  # how far the running check is (done, total)

    @property
    def knowledge(self) -> Knowledge:
        return self.advisor.knowledge

    def add(self, code: str, section: str, id_: str, sub: tuple, message: str, hint: str | None = None) -> None:
        """A problem with the item ``id_`` of a section, at its field ``sub``."""
        self.add_problem(self.knowledge.origin(section, id_).problem(sub, message, hint, code=code))

    def add_problem(self, problem: Problem) -> None:
        if self.running is not None and problem.code not in {code.code for code in self.running.codes}:
            raise ValueError(f"check {self.running.name} reports {problem.code!r}, which it does not declare")
        self.problems.append(checked(problem))


def checked(problem: Problem) -> CheckProblem:
    """A problem as `advisor check` reports it, with the severity of its code."""
    if problem.code not in CODES:
        raise ValueError(f"the code {problem.code!r} is not in the registry ({problem.render()})")
    return CheckProblem(
        code=problem.code,
        severity=CODES[problem.code].severity,
        source=problem.source,
        line=problem.line,
        column=problem.column,
        field=problem.field,
        id=problem.id,
        message=problem.message,
        hint=problem.hint,
    )
