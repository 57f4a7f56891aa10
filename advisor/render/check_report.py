"""`advisor check` as text: the figures first, then each problem as file:line:column: code: message."""

from __future__ import annotations

from typing import TextIO

from ..i18n import number, t, tn
from ..schema import CheckProblem, CheckReport


def problem_text(problem: CheckProblem) -> str:
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
        text += f"\n  hint: {problem.hint}"
    return text


def render_check(report: CheckReport, out: TextIO, lang: str) -> None:
    def line(text: str = "") -> None:
        out.write(text + "\n")

    if not report.valid:
        line(t(lang, "check.paths", findings=report.findings_path, rules=report.rules_path))
        for problem in report.problems:
            line(problem_text(problem))
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
        line(problem_text(problem))
    line(t(lang, "check.problems", count=len(report.problems)) if report.problems else t(lang, "check.ok"))
