"""Advising every row of a batch input: one advice file per row, then summary.json, results.csv
and, for Markdown and HTML, an index page. Invalid rows are counted and reported, never fatal."""

from __future__ import annotations

import csv
import io
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..schema import Advice, BatchProblem, BatchSummary
from ..files.write import write_output
from .files import BackgroundWriter
from .inputs import Input, Row
from .words import w

EXTENSIONS = {"json": ".json", "markdown": ".md", "html": ".html"}
RESULT_COLUMNS = ("row", "id", "status", "file", "primary_recommendation", "recommendations", "warnings", "unknowns", "problems")
SUMMARY_FILES = ("summary.json", "results.csv", "summary.md", "index.html")
# A spreadsheet reads a cell that starts with one of these as a formula (OWASP, CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\0")


@dataclass
class Options:
    out: Path
    format: str = "json"
    lang: str = "en"


@dataclass
class Outcome:
    summary: BatchSummary
    files: list[tuple[str, str]] = field(default_factory=list)  # (row id, advice file name)
    seconds: float = 0.0


def render(advice: Advice, fmt: str, organisation: str | None, answers=None, knowledge=None) -> str:
    if fmt == "json":
        # byte for byte what `advisor advise --format json` writes (jsonio.dumps), several times
        # faster; tests/commands/test_batch.py holds the two equal
        return advice.model_dump_json(indent=2) + "\n"
    if fmt == "markdown":
        from ..render.markdown import render_markdown

        return render_markdown(advice, organisation=organisation, answers=answers, knowledge=knowledge)
    from ..render.html import render_advice_html

    return render_advice_html(advice, organisation=organisation, answers=answers, knowledge=knowledge)


def run_batch(source: Input, advisor, options: Options, advance: Callable[[], None] = lambda: None) -> Outcome:
    knowledge = advisor.knowledge
    extension = EXTENSIONS[options.format]
    started = time.perf_counter()
    rows = advised = without = 0
    primary: Counter[str] = Counter()
    anywhere: Counter[str] = Counter()
    warnings: Counter[str] = Counter()
    problems: list[BatchProblem] = []
    results = io.StringIO()
    table = _SpreadsheetSafe(csv.writer(results, lineterminator="\n"))
    table.writerow(RESULT_COLUMNS)
    files: list[tuple[str, str]] = []
    with BackgroundWriter() as writer:
        for row in source.rows:
            rows += 1
            if row.answers is None:
                problems += [_batch_problem(row, p) for p in row.problems]
                table.writerow([row.number, row.id, "invalid", "", "", "", "", "", "; ".join(_problem_text(p) for p in row.problems)])
                advance()
                continue
            lang = row.lang or options.lang
            advice = advisor.advise(row.answers, lang)
            organisation = row.answers.organisation.name if row.answers.organisation else None
            name = row.id + extension
            writer.write(options.out / name, render(advice, options.format, organisation, row.answers, knowledge))
            files.append((row.id, name))
            advised += 1
            ids = [rec.id for rec in advice.recommendations]
            if ids:
                primary[ids[0]] += 1
            else:
                without += 1
            anywhere.update(ids)
            warnings.update(item.id for item in advice.warnings)
            table.writerow(
                [row.number, row.id, "advised", name, ids[0] if ids else "", " ".join(ids),
                 " ".join(item.id for item in advice.warnings), " ".join(u.answer for u in advice.unknowns), ""]
            )
            advance()
    summary = BatchSummary(
        knowledge_version=knowledge.version,
        engine=advisor.engine.name,
        input=str(source.path),
        input_kind=source.kind,  # type: ignore[arg-type]
        format=options.format,  # type: ignore[arg-type]
        lang=options.lang,  # type: ignore[arg-type]
        rows=rows,
        advised=advised,
        invalid=rows - advised,
        primary_recommendations=_most_first(primary),
        recommendations=_most_first(anywhere),
        warnings=_most_first(warnings),
        without_recommendation=without,
        invalid_rows=problems,
    )
    _write_summaries(summary, results.getvalue(), files, knowledge, options)
    return Outcome(summary, files, time.perf_counter() - started)


def _write_summaries(summary: BatchSummary, results: str, files, knowledge, options: Options) -> None:
    from ..render.json import dumps

    write_output(options.out / "summary.json", dumps(summary.model_dump(mode="json")))
    write_output(options.out / "results.csv", results)
    titles = {rec_id: rec.title.get(options.lang) for rec_id, rec in knowledge.recommendations.items()}
    if options.format == "html":
        from .html import render_index_html

        write_output(options.out / "index.html", render_index_html(summary, titles, files))
    elif options.format == "markdown":
        write_output(options.out / "summary.md", summary_markdown(summary, titles, files))


def summary_markdown(summary: BatchSummary, titles: dict[str, str], files) -> str:
    from ..render.escape import markdown_text

    lang = summary.lang
    out = [f"# {w(lang, 'summary')}", "", f"{w(lang, 'input')}: {markdown_text(summary.input)}", ""]
    out += ["| | |", "|---|---:|"]
    out += [f"| {w(lang, key)} | {getattr(summary, key)} |" for key in ("rows", "advised", "invalid", "without_recommendation")]
    out += ["", f"## {w(lang, 'primary')}", "", f"| {w(lang, 'recommendation')} | {w(lang, 'count')} |", "|---|---:|"]
    out += [f"| {titles.get(rec_id, rec_id)} (`{rec_id}`) | {count} |" for rec_id, count in summary.primary_recommendations.items()]
    if summary.invalid_rows:
        out += ["", f"## {w(lang, 'invalid_rows')}", ""]
        out += [f"| {w(lang, 'row')} | {w(lang, 'id')} | {w(lang, 'field')} | {w(lang, 'problem')} |", "|---:|---|---|---|"]
        out += [
            f"| {p.row} | {markdown_text(p.id or '')} | {markdown_text(p.field or '')} | {markdown_text(p.message)} |"
            for p in summary.invalid_rows
        ]
    if files:
        out += ["", f"## {w(lang, 'advice_files')}", ""] + [f"- [{markdown_text(row_id)}]({name})" for row_id, name in files]
    return "\n".join(out) + "\n"


class _SpreadsheetSafe:
    """A CSV writer whose text cells a spreadsheet shows as text: a cell that would start a
    formula gets a leading apostrophe, as the OWASP guidance on CSV injection advises (an
    unknown field named "=HYPERLINK(...)" in the problems column stays text)."""

    def __init__(self, writer):
        self._writer = writer

    def writerow(self, cells) -> None:
        self._writer.writerow(["'" + cell if isinstance(cell, str) and cell.lstrip(" ").startswith(_FORMULA_START) else cell for cell in cells])


def _most_first(counter: Counter[str]) -> dict[str, int]:
    return dict(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


def _batch_problem(row: Row, problem) -> BatchProblem:
    return BatchProblem(
        row=row.number, id=row.id, source=problem.source, line=problem.line, column=problem.column,
        field=problem.field, message=problem.message, hint=problem.hint,
    )


def _problem_text(problem) -> str:
    return f"{problem.field}: {problem.message}" if problem.field else problem.message


def report(outcome: Outcome, lang: str, out: Path, *, quiet: bool = False, stream=None, shown: int = 10) -> None:
    """The invalid rows (the first few) and a closing line, on standard error."""
    stream = stream or sys.stderr
    summary = outcome.summary
    if not quiet:
        for problem in summary.invalid_rows[:shown]:
            where = f"{problem.source}:{problem.line}" if problem.line else problem.source
            field = f"{problem.field}: " if problem.field else ""
            hint = f"\n  hint: {problem.hint}" if problem.hint else ""
            print(f"advisor: {where}: {w(lang, 'invalid_row', row=problem.row)}: {field}{problem.message}{hint}", file=stream)
        if len(summary.invalid_rows) > shown:
            print(f"advisor: {w(lang, 'more_invalid', len(summary.invalid_rows) - shown, count=len(summary.invalid_rows) - shown, file=out / 'summary.json')}", file=stream)
    if summary.rows == 0:
        print(f"advisor: {w(lang, 'no_rows', input=summary.input)}", file=stream)
    print(f"advisor: {w(lang, 'done', summary.rows, rows=summary.rows, advised=summary.advised, invalid=summary.invalid, out=out)}", file=stream)
