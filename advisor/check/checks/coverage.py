"""The rules run over grids of answers: each can fire, no two conclude opposite things from the
same facts, and every answers set gets advice. The work is done, within its bounds, by
advisor/check/coverage.py; here the checks are declared."""

from __future__ import annotations

from .. import coverage
from ..lint import Lint
from ..registry import declare


@declare("never-fires")
def reachable(lint: Lint) -> None:
    coverage.check_reachable(lint)


@declare("contradiction", "derive-conflict")
def conflicts(lint: Lint) -> None:
    coverage.check_conflicts(lint)


@declare("empty-advice", "contradictory-advice", "incomplete-table")
def grid(lint: Lint) -> None:
    lint.grid = coverage.check_grid(lint, lint.progress)
