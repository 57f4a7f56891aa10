"""`advisor advise`: advice for an answers file, as text, Markdown or JSON; with --usage-from, on
the usage measured from the platform's own export instead of the answers' usage."""

from __future__ import annotations

import argparse
import sys

from ..options import (
    add_answers_argument,
    add_engine_argument,
    add_knowledge_arguments,
    add_lang_argument,
    add_usage_from_arguments,
    advisor_from,
    knowledge_from,
    measured_answers,
    measurement_from,
    resolve_lang,
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_answers_argument(parser)
    parser.add_argument("--format", choices=("text", "json", "markdown", "html"), default="text", help="output format (default: text)")
    add_lang_argument(parser)
    add_knowledge_arguments(parser)
    add_engine_argument(parser)
    parser.add_argument("--quotes", action="store_true", help="text format: show the Dutch source quote of each finding")
    add_usage_from_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from ...answers.read import load_answers

    lang = resolve_lang(args)
    knowledge = knowledge_from(args)
    answers = load_answers(args.answers, lang=lang, knowledge=knowledge)
    measurement = measurement_from(args, lang, knowledge)
    if measurement is not None:  # the export's usage replaces the answers' (the export wins)
        answers = measured_answers(answers, measurement, lang, source=args.answers)
    advice = advisor_from(args, knowledge).advise(answers, lang)
    organisation = answers.organisation.name if answers.organisation else None
    write_advice(advice, args.format, organisation=organisation, quotes=args.quotes)
    return 0


def write_advice(advice, fmt: str, *, organisation: str | None = None, quotes: bool = False) -> None:
    if fmt == "json":
        from ...render.json import dumps

        sys.stdout.write(dumps(advice.model_dump(mode="json")))
    elif fmt == "html":
        from ...render.html import render_advice_html

        sys.stdout.write(render_advice_html(advice, organisation=organisation, quotes=True))
    elif fmt == "markdown":
        from ...render.markdown import render_markdown

        sys.stdout.write(render_markdown(advice, organisation=organisation))
    else:
        from ...render.text import render_text
        from ...render.terminal import console

        render_text(advice, console(), organisation=organisation, quotes=quotes)
