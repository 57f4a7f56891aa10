"""`advisor whatif`: the advice for an answers file, and how it changes if some answers were different."""

from __future__ import annotations

import argparse

from ..options import add_answers_argument, add_reasoning_arguments, advisor_from, answers_from



def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_answers_argument(parser)
    parser.add_argument(
        "--set",
        dest="settings",
        action="append",
        required=True,
        metavar="KEY=VALUE",
        help="an answer to change, e.g. usage.active_share=25, purposes.ideas=often or goals=efficiency,alignment "
        "(repeat for more)",
    )
    add_reasoning_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from ...answers.settings import apply_settings

    lang, knowledge, path, before = answers_from(args)
    after = apply_settings(before, args.settings, lang=lang, knowledge=knowledge)
    advisor = advisor_from(args, knowledge)
    source = "<stdin>" if path == "-" else path
    sources = (source, " ".join(args.settings))
    comparison = advisor.compare(before, after, lang=lang, sources=sources)
    write_comparison(comparison, args.format, advisor.knowledge, title=f"{_title(lang)}: {', '.join(args.settings)}")
    return 0


def _title(lang: str) -> str:
    from ...i18n import t

    return t(lang, "compare.whatif_title")


def write_comparison(comparison, fmt: str, knowledge, *, title: str) -> None:
    import sys

    if fmt == "json":
        from ...render.json import dumps

        sys.stdout.write(dumps(comparison.model_dump(mode="json")))
        return
    from ...render.comparison import render_comparison
    from ...render.terminal import console
    render_comparison(comparison, console(), title, knowledge.goal_labels(comparison.lang))
