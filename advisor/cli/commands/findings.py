"""`advisor findings`: the findings of the study as a table (outcome, usage, relation, strength,
summary), and the authors' conclusions, remarks and caveats."""

from __future__ import annotations

import argparse
import sys

from ..options import add_knowledge_arguments, add_lang_argument, knowledge_from, resolve_lang


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--goal",
        dest="goals",
        action="append",
        metavar="GOAL",
        # no choices here: the goals are data, and --help does not read the knowledge
        help="only the findings about this outcome (repeat for more): alignment, engagement, ...; "
        "`advisor findings` lists them all",
    )
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text", help="output format (default: text)")
    parser.add_argument("--quotes", action="store_true", help="text and markdown: add the Dutch source quote of each finding")
    add_lang_argument(parser)
    add_knowledge_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from ...answers.read import goals_from_options
    from ...reasoning.findings import findings_table

    lang = resolve_lang(args)
    knowledge = knowledge_from(args)
    goals = goals_from_options(list(dict.fromkeys(args.goals)), "--goal", lang, knowledge) if args.goals else []
    table = findings_table(knowledge, lang, goals)
    labels = knowledge.goal_labels(lang)
    if args.format == "json":
        from ...render.json import dumps

        sys.stdout.write(dumps(table.model_dump(mode="json")))
    elif args.format == "markdown":
        from ...render.findings import findings_markdown

        sys.stdout.write(findings_markdown(table, labels, quotes=args.quotes))
    else:
        from ...render.findings import render_findings
        from ...render.terminal import console

        render_findings(table, console(), labels, quotes=args.quotes)
    return 0
