"""`advisor explain`: how the advice for an answers file came about, or why something is not in it."""

from __future__ import annotations

import argparse
import sys

from ..options import add_answers_argument, add_reasoning_arguments, advisor_from, answers_from



def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_answers_argument(parser)
    parser.add_argument(
        "--why-not",
        metavar="ID",
        help="say why a recommendation (or warning, caveat, rule) is or is not in the advice: "
        "each condition with its actual and required value",
    )
    add_reasoning_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from ...render.terminal import console

    lang, knowledge, _, answers = answers_from(args)
    advisor = advisor_from(args, knowledge)
    if args.why_not:
        result = advisor.why_not(answers, args.why_not, lang)
    else:
        result = advisor.explain(answers, lang)
    if args.format == "json":
        from ...render.json import dumps

        sys.stdout.write(dumps(result.model_dump(mode="json")))
        return 0
    from ...render.explanation import render_explanation, render_why_not

    labels = knowledge.goal_labels(lang)
    if args.why_not:
        render_why_not(result, console(), labels)
    else:
        render_explanation(result, console(), len(knowledge.rules), labels)
    return 0
