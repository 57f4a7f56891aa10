"""`advisor check`: validate and lint a knowledge base (the shipped one by default).

Exits 0 when the knowledge base is clean, 3 when the linter found problems, and 2 when a file
cannot be read or validated. ``--list`` prints every code it can report instead.
"""

from __future__ import annotations

import argparse
import sys

from ..options import add_engine_argument, add_lang_argument, resolve_lang


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--findings", metavar="FILE", help="findings file (default: the shipped findings.yaml)")
    parser.add_argument("--rules", metavar="DIR", help="rules directory (default: the shipped rules/)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.add_argument(
        "--no-grid",
        dest="grid",
        action="store_false",
        help="skip the enumeration of every goal selection and answers combination (faster; lint only)",
    )
    parser.add_argument(
        "--list",
        action="store_true",
        help="list every problem code the check reports, with its severity and what it finds, and exit",
    )
    add_lang_argument(parser)
    add_engine_argument(parser)


def run(args: argparse.Namespace) -> int:
    from ...errors import ExitCode
    from ...check.run import check

    lang = resolve_lang(args)
    if args.list:
        return _list(args.format, lang)
    with _progress(lang) as progress:
        report = check(args.findings, args.rules, grid=args.grid, progress=progress, engine=args.engine, lang=lang)
    if args.format == "json":
        from ...render.json import dumps

        sys.stdout.write(dumps(report.model_dump(mode="json")))
    else:
        from ...render.check_report import render_check

        render_check(report, sys.stdout, lang)
    if not report.valid:
        return ExitCode.USAGE
    return ExitCode.PROBLEMS if report.problems else ExitCode.OK


def _list(format: str, lang: str) -> int:
    from ...check.run import codes

    if format == "json":
        from ...render.json import dumps

        sys.stdout.write(dumps(codes(lang)))
    else:
        from ...render.check_report import codes_table

        sys.stdout.write(codes_table(codes(lang), lang))
    return 0


class _progress:
    """On standard error, while the check runs, what it checks and how far the grid is: only when
    that is a terminal (nothing on a pipe or a dumb terminal)."""

    def __init__(self, lang: str, stream=None):
        self.lang = lang
        self.stream = stream or sys.stderr
        self.bar = None
        self.task = None

    def __enter__(self):
        import os

        if not self.stream.isatty() or os.environ.get("TERM") == "dumb":
            return None
        from rich.console import Console
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn

        from ...render.terminal import unguarded

        console = Console(file=unguarded(self.stream), no_color=bool(os.environ.get("NO_COLOR")), highlight=False)
        self.bar = Progress(
            SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[count]}"),
            console=console, transient=True,
        )
        self.bar.start()
        self.task = self.bar.add_task("", total=None, count="")
        return self.update

    def update(self, what: str, done: int | None, total: int | None) -> None:
        from ...i18n import number

        count = f"{number(self.lang, done or 0)}/{number(self.lang, total)}" if total else ""
        shown = self.bar.tasks[0].description
        self.bar.update(self.task, description=what, completed=done or 0, total=total, count=count)
        if what != shown:  # each step is on the screen at least once, however quick it is
            self.bar.refresh()

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()
