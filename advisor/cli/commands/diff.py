"""`advisor diff`: how the advice for one answers file differs from another's (e.g. last year's survey
and this year's), and which rules made the difference."""

from __future__ import annotations

import argparse

from ..options import add_reasoning_arguments, advisor_from, knowledge_from, resolve_lang



def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("before", metavar="A", help="the earlier answers file (YAML or JSON)")
    parser.add_argument("after", metavar="B", help="the later answers file (YAML or JSON)")
    add_reasoning_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from ...answers.read import load_answers
    from ...errors import AdvisorError
    from ...i18n import t
    from .whatif import write_comparison

    if args.before == "-" and args.after == "-":
        raise AdvisorError("only one of the two answers files can be standard input", hint="give at least one file name")
    lang = resolve_lang(args)
    knowledge = knowledge_from(args)
    before = load_answers(args.before, lang=lang, knowledge=knowledge)
    after = load_answers(args.after, lang=lang, knowledge=knowledge)
    advisor = advisor_from(args, knowledge)
    sources = tuple("<stdin>" if name == "-" else name for name in (args.before, args.after))
    comparison = advisor.compare(before, after, lang=lang, sources=sources)
    title = t(lang, "compare.diff_title", before=sources[0], after=sources[1])
    write_comparison(comparison, args.format, advisor.knowledge, title=title)
    return 0
