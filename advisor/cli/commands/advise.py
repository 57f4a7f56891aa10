"""`advisor advise`: advice for an answers file, as text, Markdown, HTML or JSON, on standard
output or in a file (--out, written atomically; the format follows the file's extension); with
--usage-from, on the usage measured from the platform's own export instead of the answers' usage."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..options import (
    add_answers_argument,
    add_engine_argument,
    add_knowledge_arguments,
    add_lang_argument,
    add_usage_from_arguments,
    advisor_from,
    answers_path,
    knowledge_from,
    measured_answers,
    measurement_from,
    resolve_lang,
)

FORMATS = ("text", "json", "markdown", "html")
EXTENSIONS = {".txt": "text", ".json": "json", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_answers_argument(parser)
    parser.add_argument(
        "--format", choices=FORMATS, default=None,
        help="output format (default: from the extension of --out, else text)",
    )
    parser.add_argument("--out", metavar="PATH", help="write the report to PATH (.txt, .md, .html or .json) instead of standard output")
    parser.add_argument(
        "--details", action="store_true",
        help="reports for people: add the identifiers (rules, findings, the knowledge base's version) that explain and JSON show",
    )
    add_lang_argument(parser)
    add_knowledge_arguments(parser)
    add_engine_argument(parser)
    parser.add_argument("--quotes", action="store_true", help="text format: show the Dutch source quote of each finding")
    add_usage_from_arguments(parser)


def output_format(fmt: str | None, out: str | None) -> str:
    """--format, else what the extension of --out says, else text."""
    if fmt is not None or out is None:
        return fmt or "text"
    suffix = Path(out).suffix.lower()
    if suffix not in EXTENSIONS:
        from ...errors import AdvisorError, Problem

        raise AdvisorError(
            Problem(
                source=out,
                message=f"cannot tell the format from the extension {suffix or '(none)'!r}",
                hint="name the file .txt, .md, .html or .json, or give --format text|markdown|html|json",
            )
        )
    return EXTENSIONS[suffix]


def run(args: argparse.Namespace) -> int:
    from ...answers.read import load_answers

    lang = resolve_lang(args)
    fmt = output_format(args.format, args.out)  # before any work: a wrong name fails at once
    knowledge = knowledge_from(args)
    path = answers_path(args)
    answers = load_answers(path, lang=lang, knowledge=knowledge)
    measurement = measurement_from(args, lang, knowledge)
    if measurement is not None:  # the export's usage replaces the answers' (the export wins)
        answers = measured_answers(answers, measurement, lang, source=path)
    advisor = advisor_from(args, knowledge)
    advice = advisor.advise(answers, lang)
    organisation = answers.organisation.name if answers.organisation else None
    report = dict(organisation=organisation, answers=answers, knowledge=advisor.knowledge, details=args.details)
    if args.out is None:
        write_advice(advice, fmt, quotes=args.quotes, **report)
        return 0
    from ...files.write import write_output

    write_output(args.out, advice_text(advice, fmt, quotes=args.quotes, **report))
    return 0


def write_advice(advice, fmt: str, *, quotes: bool = False, **report) -> None:
    """The report on standard output (text: drawn for the terminal, in colour where it is one)."""
    if fmt == "text":
        from ...render.terminal import console
        from ...render.text import render_text

        render_text(advice, console(), quotes=quotes, **report)
    else:
        sys.stdout.write(advice_text(advice, fmt, quotes=quotes, **report))


def advice_text(advice, fmt: str, *, quotes: bool = False, **report) -> str:
    """The report as text in a format; plain text (no colour) at 100 columns."""
    if fmt == "json":
        # the bytes render.json.dumps gives, written by pydantic's serialiser: json.dumps with an
        # indent runs in pure Python (tests/commands/test_batch.py holds the two equal)
        return advice.model_dump_json(indent=2) + "\n"
    if fmt == "html":
        from ...render.html import render_advice_html

        return render_advice_html(advice, quotes=True, **report)
    if fmt == "markdown":
        from ...render.markdown import render_markdown

        return render_markdown(advice, **report)
    import io

    from rich.console import Console

    from ...render.terminal import neutralise
    from ...render.text import render_text

    buffer = io.StringIO()
    plain = Console(file=buffer, width=100, no_color=True, color_system=None, highlight=False, emoji=False, force_terminal=False)
    render_text(advice, plain, quotes=quotes, **report)
    return neutralise(buffer.getvalue())
