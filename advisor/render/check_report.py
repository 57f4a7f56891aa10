"""`advisor check` as text: the figures first, then each problem as file:line:column: code: message;
and the list of every code it reports (`advisor check --list`), as a Markdown table."""

from __future__ import annotations

from typing import TextIO

from ..i18n import SOURCE_LANG, number, t, tn
from ..schema import CheckProblem, CheckReport


def problem_text(problem: CheckProblem, lang: str = SOURCE_LANG) -> str:
    where = problem.source
    if problem.line is not None:
        where += f":{problem.line}"
        if problem.column is not None:
            where += f":{problem.column}"
    text = f"{where}: {problem.code}"
    if problem.id:
        text += f" [{problem.id}]"
    if problem.field:
        text += f" {problem.field}"
    text += f": {problem.message}"
    if problem.hint:
        text += f"\n  {t(lang, 'check.hint')}: {problem.hint}"
    return text


def render_check(report: CheckReport, out: TextIO, lang: str) -> None:
    def line(text: str = "") -> None:
        out.write(text + "\n")

    if not report.valid:
        line(t(lang, "check.paths", findings=report.findings_path, rules=report.rules_path))
        for problem in report.problems:
            line(problem_text(problem, lang))
        line(tn(lang, "check.invalid", len(report.problems), count=len(report.problems)))
        return
    line(t(lang, "check.title", version=report.knowledge_version))
    line("  " + t(lang, "check.paths", findings=report.findings_path, rules=report.rules_path))
    line("  " + t(lang, "check.counts", **report.counts))
    if report.examples:
        line("  " + t(lang, "check.examples", **report.examples))
    grid = report.grid
    if grid is None:
        line("  " + t(lang, "check.grid_skipped"))
    else:
        line(
            "  "
            + t(
                lang,
                "check.grid",
                combinations=number(lang, grid.combinations),
                single=grid.single_goals,
                pairs=grid.goal_pairs,
            )
        )
        line("    " + t(lang, "check.grid_full", full=number(lang, grid.full_product)))
        figures = {
            name: number(lang, getattr(grid, name))
            for name in ("with_recommendation", "warnings_only", "empty", "contradictory")
        }
        line("    " + t(lang, "check.grid_results", **figures))
        runs = number(lang, grid.consultations)
        line("    " + t(lang, "check.grid_runs", consultations=runs, engine=grid.engine, seconds=number(lang, grid.seconds)))
    for what in report.skipped:
        line("  " + t(lang, "check.skipped", what=what))
    for problem in report.problems:
        line(problem_text(problem, lang))
    line(_summary(report.problems, lang) if report.problems else t(lang, "check.ok"))


def _summary(problems: list[CheckProblem], lang: str) -> str:
    errors = sum(1 for problem in problems if problem.severity == "error")
    warnings = len(problems) - errors
    parts = [tn(lang, "check.errors", errors, count=errors)] if errors else []
    parts += [tn(lang, "check.warnings", warnings, count=warnings)] if warnings else []
    return t(lang, "check.problems", count=len(problems), severities=", ".join(parts))


def codes_table(codes: list[dict], lang: str) -> str:
    """Every code `advisor check` reports, with its severity, stage and what it finds: a Markdown
    table (docs/knowledge-editing.md holds the English one)."""
    rows = [
        [t(lang, "check.list.code"), t(lang, "check.list.severity"), t(lang, "check.list.stage"), t(lang, "check.list.doc")],
        ["---"] * 4,
    ]
    for code in codes:
        severity = t(lang, "check.severity.error") if code["severity"] == "error" else t(lang, "check.severity.warning")
        rows.append([f"`{code['code']}`", severity, code["stage"], code["doc"]])
    return "".join("| " + " | ".join(row) + " |\n" for row in rows)
