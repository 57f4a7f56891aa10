"""`advisor check`: validate and lint a knowledge base (the shipped one by default).

Exits 0 when the knowledge base is clean, 3 when the linter found problems, and 2 when a file
cannot be read or validated.
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
    add_lang_argument(parser)
    add_engine_argument(parser)


def run(args: argparse.Namespace) -> int:
    from ...errors import ExitCode
    from ...check.lint import check

    lang = resolve_lang(args)
    with _progress(lang) as progress:
        report = check(args.findings, args.rules, grid=args.grid, progress=progress, engine=args.engine)
    if args.format == "json":
        from ...render.json import dumps

        sys.stdout.write(dumps(report.model_dump(mode="json")))
    else:
        from ...render.check_report import render_check

        render_check(report, sys.stdout, lang)
    if not report.valid:
        return ExitCode.USAGE
    return ExitCode.PROBLEMS if report.problems else ExitCode.OK


class _progress:
    """A progress bar on standard error while the grid runs, only when that is a terminal."""

    def __init__(self, lang: str):
        self.lang = lang
        self.bar = None
        self.task = None

    def __enter__(self):
        import os

        if not sys.stderr.isatty() or os.environ.get("TERM") == "dumb":
            return None
        from rich.progress import Progress

        from ...i18n import t
        from ...render.terminal import console

        self.bar = Progress(console=console(stderr=True), transient=True)
        self.bar.start()
        self.task = self.bar.add_task(t(self.lang, "check.progress"), total=None)
        return self.update

    def update(self, done: int, total: int) -> None:
        self.bar.update(self.task, completed=done, total=total)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()
