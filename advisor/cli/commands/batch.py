"""`advisor batch`: advice for every row of a CSV file, a JSON-lines file or a folder of answers
files; one advice file per row, and a summary. Invalid rows are reported and skipped."""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from ..options import (
    add_engine_argument,
    add_knowledge_arguments,
    add_lang_argument,
    add_usage_from_arguments,
    advisor_from,
    knowledge_from,
    measurement_from,
    resolve_lang,
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", nargs="?", metavar="INPUT", help="a .csv file, a .jsonl file, or a folder of answers files")
    parser.add_argument("--out", metavar="DIR", help="directory for the advice files and the summary (made if needed)")
    parser.add_argument(
        "--format",
        choices=("json", "jsonl", "markdown", "html"),
        default="json",
        help="advice file format (default: json); jsonl: every advice in one file, advice.jsonl, one line each",
    )
    parser.add_argument("--jobs", type=_jobs, default=1, metavar="N", help="advise in N processes (default: 1); the same output")
    parser.add_argument("--template", action="store_true", help="print a CSV header and an example row, and stop")
    parser.add_argument("--strict", action="store_true", help="exit with 3 when any row is invalid")
    parser.add_argument("--quiet", action="store_true", help="no progress and no list of invalid rows")
    add_lang_argument(parser)
    add_engine_argument(parser)
    add_knowledge_arguments(parser)
    add_usage_from_arguments(parser)


def run(args: argparse.Namespace) -> int:
    import os

    from ...batch.inputs import open_input, template
    from ...batch.run import SUMMARY_FILES, Options, report, run_batch
    from ...errors import AdvisorError, ExitCode
    from ...files.write import ensure_directory, remove_stale_temporaries

    if args.template:
        sys.stdout.write(template())
        return 0
    if not args.input or not args.out:
        raise AdvisorError("batch needs an INPUT and --out DIR", hint="advisor batch answers.csv --out advice/ (advisor batch --template prints a CSV to start from)")
    lang = resolve_lang(args)
    knowledge = knowledge_from(args)
    source = open_input(args.input, lang=lang, knowledge=knowledge)
    if source.total == 0:  # one rule for every kind of input: nothing to advise is an error
        from ...errors import Problem

        hint = "advisor batch --template prints a CSV to start from" if source.kind != "folder" else "put .yaml, .yml or .json answers files in it"
        raise AdvisorError(Problem(source=str(source.path), message="no rows to advise", hint=hint))
    if source.kind == "folder" and Path(args.out).resolve() == source.path.resolve():
        raise AdvisorError("--out must not be the input folder", hint="the advice files would be read as answers next time")
    for name in SUMMARY_FILES:
        written = Path(args.out) / name
        if source.kind != "folder" and written.exists() and os.path.samefile(written, source.path):
            raise AdvisorError(f"the run would write {name} over its own input", hint="give another --out folder, or rename the input")
    measurement = measurement_from(args, lang, knowledge)
    if measurement is not None:
        source.rows = measured_rows(source.rows, measurement, lang)
    advisor = advisor_from(args, knowledge)
    out = ensure_directory(args.out)
    remove_stale_temporaries(out)  # left by a run that was killed
    for warning in source.warnings:
        print(f"advisor: {warning}", file=sys.stderr)
    options = Options(out=out, format=args.format, lang=lang, jobs=args.jobs)
    with progress(source.total, lang, quiet=args.quiet) as advance:
        outcome = run_batch(source, advisor, options, advance)
    report(outcome, lang, out, quiet=args.quiet)
    if args.strict and outcome.summary.invalid:
        return ExitCode.PROBLEMS
    return 0


SHOWN_CONFLICTS = 10  # rows whose answered usage the export replaced, said one by one; the rest are counted


def measured_rows(rows: Iterator, measurement, lang: str) -> Iterator:
    """The rows with the measured usage in place of theirs (every row: one organisation's export);
    where a row's answers said otherwise, a warning (the export wins), the first few row by row."""
    from ...i18n import t, tn
    from ...measure.apply import conflicts, with_measured_usage
    from ...render.measured import difference_line

    differing = 0
    for row in rows:
        if row.answers is not None:
            row.answers = with_measured_usage(row.answers, measurement)
            found = conflicts(row.answers)
            if found:
                differing += 1
            if found and differing <= SHOWN_CONFLICTS:
                where = row.source + (f":{row.number}" if Path(row.source).suffix.lower() in (".csv", ".jsonl", ".ndjson") else "")
                for difference in found:
                    print(f"advisor: {t(lang, 'measure.warning')}: {where}: {difference_line(difference, lang)}", file=sys.stderr)
        yield row
    if differing > SHOWN_CONFLICTS:
        more = differing - SHOWN_CONFLICTS
        print(f"advisor: {t(lang, 'measure.warning')}: {tn(lang, 'measured.conflict_rows', more, count=more)}", file=sys.stderr)


def _jobs(text: str) -> int:
    import os

    if not text.isdigit() or not 1 <= int(text) <= 4 * (os.cpu_count() or 1):
        raise argparse.ArgumentTypeError(f"expected a number of processes from 1 to {4 * (os.cpu_count() or 1)}, got {text!r}")
    return int(text)


@contextmanager
def progress(total: int, lang: str, *, quiet: bool = False, stream=None) -> Iterator[Callable[[], None]]:
    """A function to call once per row: a rich progress bar on a terminal, else a plain line at
    every tenth of the way (and none at all when quiet)."""
    from ...batch.words import w

    stream = stream or sys.stderr
    if quiet or total == 0:
        yield lambda: None
        return
    if stream.isatty():
        import os

        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        from ...render.terminal import unguarded

        bar = Progress(
            TextColumn(w(lang, "advising")), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            console=Console(file=unguarded(stream), no_color=bool(os.environ.get("NO_COLOR"))), transient=True,
        )
        with bar:
            task = bar.add_task("batch", total=total)
            yield lambda: bar.advance(task)
        return
    done = 0
    step = max(1, total // 10)

    def advance() -> None:
        nonlocal done
        done += 1
        if done % step == 0 or done == total:
            line = w(lang, "progress", done=done, total=total, percent=done * 100 // total)
            print(f"advisor: batch: {line}", file=stream, flush=True)

    yield advance
