"""`advisor explain`: how the advice for an answers file came about, or why something is not in it."""

from __future__ import annotations

import argparse
import sys

from ..main import add_lang_argument, resolve_lang
from ...engine.choice import add_engine_argument
from .advise import add_answers_argument, add_knowledge_arguments, knowledge_from


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_answers_argument(parser)
    parser.add_argument(
        "--why-not",
        metavar="ID",
        help="say why a recommendation (or warning, caveat, rule) is or is not in the advice: "
        "each condition with its actual and required value",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    add_lang_argument(parser)
    add_knowledge_arguments(parser)
    add_engine_argument(parser)


def run(args: argparse.Namespace) -> int:
    from ...answers.files import load_answers
    from ...reasoning.explain import explain, why_not
    from ...render.terminal import console

    lang = resolve_lang(args)
    answers = load_answers(args.answers)
    knowledge = knowledge_from(args)
    if args.why_not:
        result = why_not(knowledge, answers, args.why_not, lang, engine=args.engine)
    else:
        result = explain(knowledge, answers, lang, engine=args.engine)
    if args.format == "json":
        from ...render.json import dumps

        sys.stdout.write(dumps(result.model_dump(mode="json")))
        return 0
    from ...render.explanation import render_explanation, render_why_not

    labels = goal_labels(knowledge, lang)
    if args.why_not:
        render_why_not(result, console(), labels)
    else:
        render_explanation(result, console(), len(knowledge.rules), labels)
    return 0


def goal_labels(knowledge, lang: str) -> dict[str, str]:
    return {goal: profile.label.get(lang) for goal, profile in knowledge.goal_profiles.items()}
