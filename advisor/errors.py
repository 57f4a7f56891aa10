"""The advisor's error types and exit codes.

Every problem a user can fix (a bad answers file, a broken knowledge file, a wrong option) is an
``AdvisorError``: it says where (file:line:column), what (the field) and how to fix it (a hint),
and may carry several problems at once so a user sees all of them, sorted, in one go.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    INTERNAL = 1
    USAGE = 2  # invalid input or usage: the user can fix it
    PROBLEMS = 3  # `advisor check` found problems in a knowledge base
    INTERRUPTED = 130


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one input, with enough context to fix it."""

    source: str = "<input>"  # file name, "<stdin>", or a logical name such as "answers"
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    field: str | None = None  # dotted path of the offending field, e.g. "usage.active_share"
    message: str = ""
    hint: str | None = None
    code: str | None = None  # the kind of problem, given where it is found (`advisor check --list`)
    id: str | None = None  # the rule, finding, parameter ... it is about, where there is one

    @property
    def where(self) -> str:
        if not self.source:
            return ""
        where = self.source
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def render(self, hint_label: str = "hint") -> str:
        """file:line:column: field: message, and the hint on the next line after ``hint_label``
        (the word in the user's language: the command line passes it; errors know no language)."""
        text = self.where + ": " if self.where else ""
        if self.field:
            text += f"{self.field}: "
        text += self.message
        if self.hint:
            text += f"\n  {hint_label}: {self.hint}"
        return text


class AdvisorError(Exception):
    """A problem the user can fix. Exit code 2 at the command line."""

    exit_code = ExitCode.USAGE

    def __init__(self, problems: list[Problem] | Problem | str, *, hint: str | None = None):
        if isinstance(problems, str):
            problems = [Problem(source="", message=problems, hint=hint)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = sorted(problems, key=_sort_key)
        super().__init__(self.render())

    def render(self, hint_label: str = "hint") -> str:
        return "\n".join(problem.render(hint_label) for problem in self.problems)


class EngineError(RuntimeError):
    """The rule engine failed inside a consultation (a bug, not a user error). Exit code 1."""


def _sort_key(problem: Problem) -> tuple:
    return (problem.source, problem.line or 0, problem.column or 0, problem.field or "", problem.message)
