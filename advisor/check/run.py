"""`advisor check`: validate and lint a knowledge base.

Reading and validating is load_knowledge's job; its problems (schema errors, duplicate and
dangling ids, derive cycles) come back with their code and the id they are about. On a knowledge
base that loads, the checks declared in the registry (checks/*.py) then look, stage by stage, for
what a schema cannot see: findings never cited, parameters unused or undocumented, texts left
untranslated or saying more than the source (stage lint); rules failing their own examples,
unable to fire, or concluding opposite things from the same facts (engine); and answers sets
that get no advice or contradictory advice over the whole grid (grid; --no-grid skips it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..errors import AdvisorError, Problem
from ..i18n import SOURCE_LANG, t
from ..knowledge.load import Knowledge, default_paths, load_knowledge
from ..reasoning.pipeline import advisor_for
from ..schema import CheckProblem, CheckReport
from . import checks as _declared  # noqa: F401 - the checks declare themselves on import
from .lint import Lint, checked
from .registry import CODES, STAGES, Check, of_stage

# what runs now, and how far it is (done and total, when it counts): for a progress bar
Progress = Callable[[str, "int | None", "int | None"], None]


def check(
    findings: str | Path | None = None,
    rules: str | Path | None = None,
    *,
    grid: bool = True,
    progress: Progress | None = None,
    engine: str | None = None,
    lang: str = SOURCE_LANG,
) -> CheckReport:
    """Validate and lint a knowledge base (the shipped one by default); messages in ``lang``."""
    default_findings, default_rules = default_paths()
    findings_path = str(findings or default_findings)
    rules_path = str(rules or default_rules)
    if progress:
        progress(t(lang, "check.progress.loading"), None, None)
    try:
        knowledge = load_knowledge(findings_path, rules_path, lang=lang)
    except AdvisorError as error:
        return _refused(findings_path, rules_path, error.problems)
    lint = Lint(advisor_for(knowledge, engine), lang)  # derive cycles are refused by the loader
    for stage in ("lint", "engine", "grid") if grid else ("lint", "engine"):
        for registered in of_stage(stage):
            _run(lint, registered, progress)
    return CheckReport(
        knowledge_version=knowledge.version,
        findings_path=findings_path,
        rules_path=rules_path,
        valid=True,
        counts=counts(knowledge),
        examples=lint.examples,
        grid=lint.grid,
        problems=sorted(lint.problems, key=_order),
        skipped=lint.skipped,
    )


def _run(lint: Lint, registered: Check, progress: Progress | None) -> None:
    lint.running = registered
    if progress:
        what = t(lint.lang, "check.progress" if registered.stage == "grid" else "check.progress.running",
                 codes=", ".join(code.code for code in registered.codes))
        progress(what, None, None)
        lint.progress = lambda done, total: progress(what, done, total)
    try:
        registered.run(lint)
    finally:
        lint.running = None
        lint.progress = None


def _refused(findings_path: str, rules_path: str, problems: list[Problem]) -> CheckReport:
    """The report on a knowledge base the loader refuses: its problems only."""
    return CheckReport(
        knowledge_version=None,
        findings_path=findings_path,
        rules_path=rules_path,
        valid=False,
        counts={},
        examples={},
        grid=None,
        problems=sorted((checked(problem) for problem in problems), key=_order),
    )


def counts(knowledge: Knowledge) -> dict[str, int]:
    notices = list(knowledge.notices.values())
    return {
        "findings": len(knowledge.findings),
        "statements": len(knowledge.statements),
        "rules": len(knowledge.rules),
        "derive_rules": sum(1 for rule in knowledge.rules if rule.then.derive),
        "recommendations": len(knowledge.recommendations),
        "warnings": sum(1 for notice in notices if notice.kind == "warning"),
        "caveats": sum(1 for notice in notices if notice.kind == "caveat"),
        "parameters": len(knowledge.parameters),
        "goals": len(knowledge.goal_profiles),
        "questions": len(knowledge.questions),
        "examples": sum(len(rule.examples) for rule in knowledge.rules),
    }


def _order(problem: CheckProblem) -> tuple:
    return (problem.source, problem.line or 0, problem.column or 0, problem.code, problem.id or "", problem.message)


def codes(lang: str = SOURCE_LANG) -> list[dict[str, str]]:
    """Every code `advisor check` can report, by stage and then by name: its severity, its stage
    and what it finds (in ``lang``)."""
    ordered = sorted(CODES.values(), key=lambda code: (STAGES.index(code.stage), code.code))
    return [{"code": c.code, "severity": c.severity, "stage": c.stage, "doc": c.doc(lang)} for c in ordered]
