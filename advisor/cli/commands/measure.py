"""`advisor measure`: usage measured from a platform's own export, in the answers format, with
where every figure came from. Save it as YAML, add goals, and `advisor advise --answers` uses it."""

from __future__ import annotations

import argparse
import sys

from ...i18n import t
from ..options import add_knowledge_arguments, add_lang_argument, add_measure_options, knowledge_from, resolve_lang


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "exports",
        nargs="+",
        metavar="EXPORT",
        help="usage export files: Viva Engage or Teams user detail (CSV; Viva Engage also as Graph JSON), "
        "Slack member analytics (NDJSON, gzipped or not), or any per-person CSV with --columns",
    )
    add_measure_options(parser)
    parser.add_argument("--format", choices=("text", "yaml", "json"), default="text", help="output format (default: text)")
    parser.add_argument("--out", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    add_lang_argument(parser)
    add_knowledge_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from ...measure import measure_exports
    from ...measure.render import render
    from ...measure.text import printable
    from ...measure.words import w

    lang = resolve_lang(args)
    measurement = measure_exports(
        args.exports,
        platform=args.platform,
        employees=args.employees,
        columns=args.columns,
        likes_count_as_active=args.likes_count_as_active,
        knowledge=knowledge_from(args) if args.findings or args.rules else None,
        lang=lang,
    )
    for problem in measurement.warnings:
        print(f"advisor: {w(lang, 'warning')}: {problem.render(t(lang, 'hint'))}", file=sys.stderr)
    text = render(measurement, args.format, lang)
    if args.out:
        from ...files.write import write_output

        write_output(args.out, text)
        print(f"advisor: measure: {printable(args.out)}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
