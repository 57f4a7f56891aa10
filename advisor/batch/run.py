"""Advising every row of a batch input: one advice file per row (or one JSON line per row, for
``--format jsonl``), then summary.json, results.csv and, for Markdown and HTML, an index page.
Invalid rows are counted and reported, never fatal.

Where the files go (destination.py): into a fresh folder renamed into place at the end when
``--out`` is new or empty, each file atomically into ``--out`` otherwise; never a half-written
file under its final name. ``--jobs N`` advises the rows in N worker processes (jobs.py), with the
same output byte for byte: the rows come back in their input order.
"""

from __future__ import annotations

import csv
import io
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..schema import BatchProblem, BatchSummary
from .advising import EXTENSIONS, Advised, advise_row
from .destination import Destination
from .inputs import Input, Row
from ..i18n import t
from .words import w

JSONL_FILE = "advice.jsonl"  # --format jsonl: every advice in one file, one line each
RESULT_COLUMNS = ("row", "id", "status", "file", "primary_recommendation", "recommendations", "warnings", "unknowns", "problems")
SUMMARY_FILES = ("summary.json", "results.csv", "summary.md", "index.html", JSONL_FILE)
# A spreadsheet reads a cell that starts with one of these as a formula (OWASP, CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\0")


@dataclass
class Options:
    out: Path
    format: str = "json"
    lang: str = "en"
    jobs: int = 1


@dataclass
class Outcome:
    summary: BatchSummary
    files: list[tuple[str, str]] = field(default_factory=list)  # (row id, advice file name)
    seconds: float = 0.0


def run_batch(source: Input, advisor, options: Options, advance: Callable[[], None] = lambda: None) -> Outcome:
    started = time.perf_counter()
    tally = _Tally(options)
    with Destination(options.out) as destination:
        with destination.advice_writer(options.format, JSONL_FILE) as write:
            for row, advised in _advised(source.rows, advisor, options, destination):
                if advised is None:
                    tally.invalid(row)
                else:
                    name = JSONL_FILE if options.format == "jsonl" else row.id + EXTENSIONS[options.format]
                    if advised.text is not None:
                        write(name, advised.text)
                    tally.advised(row, name, advised)
                advance()
        summary = tally.summary(source, advisor)
        _write_summaries(summary, tally.results.getvalue(), tally.files, advisor.knowledge, options, destination.write)
    return Outcome(summary, tally.files, time.perf_counter() - started)


def _advised(rows: Iterable[Row], advisor, options: Options, destination: Destination) -> Iterator[tuple[Row, Advised | None]]:
    """Each row with its advice (None for an invalid row), in input order."""
    if options.jobs > 1:
        from .jobs import advised_in_workers

        # the workers write one-file-per-row advice themselves, so that writing is shared out too
        folder = None if options.format == "jsonl" else destination.folder()
        yield from advised_in_workers(rows, advisor, options, folder)
        return
    for row in rows:
        yield row, None if row.answers is None else advise_row(advisor, row, options.format, options.lang)


class _Tally:
    """What the summary and results.csv say about the rows, counted as they come."""

    def __init__(self, options: Options):
        self.options = options
        self.rows = self.advised_rows = self.without = 0
        self.primary: Counter[str] = Counter()
        self.anywhere: Counter[str] = Counter()
        self.warnings: Counter[str] = Counter()
        self.problems: list[BatchProblem] = []
        self.results = io.StringIO()
        self.table = _SpreadsheetSafe(csv.writer(self.results, lineterminator="\n"))
        self.table.writerow(RESULT_COLUMNS)
        self.files: list[tuple[str, str]] = []

    def invalid(self, row: Row) -> None:
        self.rows += 1
        self.problems += [_batch_problem(row, p) for p in row.problems]
        self.table.writerow([row.number, row.id, "invalid", "", "", "", "", "", "; ".join(_problem_text(p) for p in row.problems)])

    def advised(self, row: Row, name: str, advised: Advised) -> None:
        self.rows += 1
        self.advised_rows += 1
        if self.options.format != "jsonl":
            self.files.append((row.id, name))
        ids = advised.recommendations
        if ids:
            self.primary[ids[0]] += 1
        else:
            self.without += 1
        self.anywhere.update(ids)
        self.warnings.update(advised.warnings)
        self.table.writerow(
            [row.number, row.id, "advised", name, ids[0] if ids else "", " ".join(ids),
             " ".join(advised.warnings), " ".join(advised.unknowns), ""]
        )

    def summary(self, source: Input, advisor) -> BatchSummary:
        return BatchSummary(
            knowledge_version=advisor.knowledge.version,
            engine=advisor.engine.name,
            input=str(source.path),
            input_kind=source.kind,  # type: ignore[arg-type]
            format=self.options.format,  # type: ignore[arg-type]
            lang=self.options.lang,  # type: ignore[arg-type]
            rows=self.rows,
            advised=self.advised_rows,
            invalid=self.rows - self.advised_rows,
            primary_recommendations=_most_first(self.primary),
            recommendations=_most_first(self.anywhere),
            warnings=_most_first(self.warnings),
            without_recommendation=self.without,
            invalid_rows=self.problems,
        )


def _write_summaries(summary: BatchSummary, results: str, files, knowledge, options: Options, write) -> None:
    from ..render.json import dumps

    write("summary.json", dumps(summary.model_dump(mode="json")))
    write("results.csv", results)
    titles = {rec_id: rec.title.get(options.lang) for rec_id, rec in knowledge.recommendations.items()}
    if options.format == "html":
        from .html import render_index_html

        write("index.html", render_index_html(summary, titles, files))
    elif options.format == "markdown":
        write("summary.md", summary_markdown(summary, titles, files))


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
            hint = f"\n  {t(lang, 'hint')}: {problem.hint}" if problem.hint else ""
            print(f"advisor: {where}: {w(lang, 'invalid_row', row=problem.row)}: {field}{problem.message}{hint}", file=stream)
        if len(summary.invalid_rows) > shown:
            print(f"advisor: {w(lang, 'more_invalid', len(summary.invalid_rows) - shown, count=len(summary.invalid_rows) - shown, file=out / 'summary.json')}", file=stream)
    if summary.rows == 0:
        print(f"advisor: {w(lang, 'no_rows', input=summary.input)}", file=stream)
    print(f"advisor: {w(lang, 'done', summary.rows, rows=summary.rows, advised=summary.advised, invalid=summary.invalid, out=out)}", file=stream)
