"""Every check of `advisor check`, declared once.

A *code* names one kind of problem (``never-fires``): its severity, the stage that finds it (the
table CODES below), and its words in the message catalogs (advisor/i18n/locale/*.po):
``check.<code>.doc``, the one-line doc that `advisor check --list` and docs/knowledge-editing.md
show, and the messages and hints of its problems (``check.<code>...``). A *check* is one
function over a loaded knowledge base (checks/*.py) that declares the codes it reports, and
reports no other (``Lint.add`` refuses them); the loader (advisor/files/read.py,
advisor/knowledge/load.py) gives its own problems the codes of stage load. Each code has its
own fixture: a test on a broken copy of the knowledge that makes it report the code
(tests/commands/test_check.py, marked ``check_code``; ``pytest -k CODE`` runs just that).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Literal

from ..i18n import SOURCE_LANG, t

Severity = Literal["error", "warning"]
ERROR: Severity = "error"  # the advice would be wrong, unfounded, or say more than the source
WARNING: Severity = "warning"  # the advice holds, but the knowledge is harder to read or keep

# When a code is found, in the order `advisor check` runs:
#   load:   reading and cross-checking the files; the knowledge is refused (exit 2), nothing else runs
#   lint:   the loaded knowledge as data (citations, the catalog, parameters, texts)
#   engine: the rules run on their examples and on small grids around each rule and pair of rules
#   grid:   every goal selection with every band of its answers (skipped with --no-grid)
Stage = Literal["load", "lint", "engine", "grid"]
STAGES: tuple[Stage, ...] = ("load", "lint", "engine", "grid")

Run = Callable[[Any], Any]  # a check: a function of the run's state (a lint.Lint, which imports this module)


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity
    stage: Stage

    def doc(self, lang: str = SOURCE_LANG) -> str:
        """What the code finds, in one line."""
        return t(lang, f"check.{self.code}.doc")


# Every code, by stage; the module that finds it in the comment above each group.
CODES: dict[str, Code] = {
    code.code: code
    for code in (
        # the loader: advisor/files/read.py, then advisor/knowledge/load.py
        Code("unreadable", ERROR, "load"),
        Code("invalid-yaml", ERROR, "load"),
        Code("schema", ERROR, "load"),
        Code("missing-translation", ERROR, "load"),
        Code("no-examples", ERROR, "load"),
        Code("duplicate-id", ERROR, "load"),
        Code("dangling-id", ERROR, "load"),
        Code("no-evidence", ERROR, "load"),
        Code("invalid-test", ERROR, "load"),
        Code("incomplete-catalog", ERROR, "load"),
        Code("derive-cycle", ERROR, "load"),
        Code("vocabulary-differs", ERROR, "load"),
        # checks/citations.py
        Code("uncited-finding", WARNING, "lint"),
        Code("duplicate-pair", ERROR, "lint"),
        # checks/catalog.py
        Code("unused-recommendation", WARNING, "lint"),
        Code("unused-notice", WARNING, "lint"),
        Code("ambiguous-id", ERROR, "lint"),
        Code("strategy-not-one-sentence", WARNING, "lint"),
        Code("description-not-one-line", WARNING, "lint"),
        # checks/parameters.py
        Code("missing-parameter", ERROR, "lint"),
        Code("invalid-parameter", ERROR, "lint"),
        Code("unused-parameter", WARNING, "lint"),
        Code("undocumented-parameter", ERROR, "lint"),
        # checks/translations.py
        Code("untranslated", WARNING, "lint"),
        Code("translation-mismatch", ERROR, "lint"),
        Code("missing-wording", ERROR, "lint"),
        # checks/vocabulary.py
        Code("vocabulary-bands", ERROR, "lint"),
        Code("ambiguous-spelling", ERROR, "lint"),
        Code("duplicate-label", ERROR, "lint"),
        Code("unused-lever", WARNING, "lint"),
        # checks/fidelity.py
        Code("quote-not-verbatim", ERROR, "lint"),
        Code("lever-without-finding", ERROR, "lint"),
        Code("untested-none", ERROR, "lint"),
        Code("inferred-without-note", ERROR, "lint"),
        Code("causal-wording", ERROR, "lint"),
        Code("stale-exemption", WARNING, "lint"),
        # checks/examples.py
        Code("example-fails", ERROR, "engine"),
        # checks/coverage.py (the work: coverage.py)
        Code("never-fires", ERROR, "engine"),
        Code("contradiction", ERROR, "engine"),
        Code("derive-conflict", ERROR, "engine"),
        Code("empty-advice", ERROR, "grid"),
        Code("contradictory-advice", ERROR, "grid"),
        Code("incomplete-table", ERROR, "grid"),
    )
}


@dataclass(frozen=True)
class Check:
    name: str  # the function's name
    codes: tuple[Code, ...]  # what it reports, all of one stage
    run: Run

    @property
    def stage(self) -> Stage:
        return self.codes[0].stage


CHECKS: list[Check] = []  # in the order declared (checks/__init__.py imports them)


def declare(*codes: str) -> Callable[[Run], Run]:
    """Register a check: the function it decorates reports these codes, and no other."""

    def register(function: Run) -> Run:
        declared = tuple(CODES[code] for code in codes)
        if len({code.stage for code in declared}) != 1:
            raise ValueError(f"the codes of check {function.__name__} are of different stages")
        taken = [code for check in CHECKS for code in check.codes if code in declared]
        if taken:
            raise ValueError(f"check code {taken[0].code!r} is reported by two checks")
        CHECKS.append(Check(function.__name__, declared, function))
        return function

    return register


def of_stage(stage: Stage) -> list[Check]:
    """The checks of one stage, in the order declared."""
    return [check for check in CHECKS if check.stage == stage]
