"""The options several commands share, defined once: --lang, --engine, the answers file, --findings and
--rules, and what they select (the language, the knowledge base, its advisor)."""

from __future__ import annotations

import argparse
import sys

from ..engine.choice import ENGINES, ENVIRONMENT_VARIABLE
from ..i18n import LANGS, default_lang


def say(message: str) -> None:
    """A message for the person at the terminal: on standard error, so standard output stays
    the command's result."""
    print(message, file=sys.stderr)


def add_lang_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", choices=LANGS, default=None, help="language of the output (default: from the locale)"
    )


def resolve_lang(args: argparse.Namespace) -> str:
    return getattr(args, "lang", None) or getattr(args, "top_lang", None) or default_lang()


def add_engine_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--engine",
        choices=ENGINES,
        default=None,
        help=f"rule engine (default: durable where it is installed, else python; or ${ENVIRONMENT_VARIABLE})",
    )


def add_answers_argument(parser: argparse.ArgumentParser) -> None:
    """The answers file, named as `diff` and `batch` name their input (advisor advise FILE), or
    with --answers FILE."""
    parser.add_argument("answers_file", nargs="?", metavar="ANSWERS", help="answers file (YAML or JSON); - reads standard input")
    parser.add_argument("--answers", metavar="FILE", help="the answers file, as an option")
    parser.set_defaults(answers_command=parser.prog)


def answers_path(args: argparse.Namespace) -> str:
    """The answers file the command line names, once."""
    from ..errors import AdvisorError

    given = [name for name in (args.answers_file, args.answers) if name is not None]
    if not given:
        raise AdvisorError("name the answers file", hint=f"{args.answers_command} answers.yaml (or --answers answers.yaml)")
    if len(given) == 2 and given[0] != given[1]:
        raise AdvisorError("two answers files named", hint=f"{args.answers_command} answers.yaml: one file, as ANSWERS or --answers")
    return given[0]


def add_knowledge_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--findings", metavar="FILE", help="findings file (default: the shipped findings.yaml)")
    parser.add_argument("--rules", metavar="DIR", help="rules directory (default: the shipped rules/)")


def add_reasoning_arguments(parser: argparse.ArgumentParser) -> None:
    """--format text|json, --lang, --findings and --rules, --engine: the options explain, whatif
    and diff take after their own."""
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    add_lang_argument(parser)
    add_knowledge_arguments(parser)
    add_engine_argument(parser)


def answers_from(args: argparse.Namespace):
    """The language, the knowledge base, the answers file named and its answers, read with both."""
    from ..answers.read import load_answers

    lang = resolve_lang(args)
    knowledge = knowledge_from(args)
    path = answers_path(args)
    return lang, knowledge, path, load_answers(path, lang=lang, knowledge=knowledge)


def knowledge_from(args: argparse.Namespace):
    """The knowledge base --findings and --rules name, or the shipped one."""
    from ..knowledge.load import load_knowledge, shipped_knowledge

    if getattr(args, "findings", None) or getattr(args, "rules", None):
        return load_knowledge(args.findings, args.rules)
    return shipped_knowledge()


def advisor_from(args: argparse.Namespace, knowledge=None):
    """The advisor of that knowledge base (or of the one given, loaded already), with the engine
    --engine names (or the default)."""
    from ..reasoning.pipeline import advisor_for

    return advisor_for(knowledge or knowledge_from(args), getattr(args, "engine", None))


# --------------------------------------------------------------------------------------------
# Measured usage: advisor measure, and --usage-from wherever answers come in

MEASURE_OPTIONS = ("platform", "employees", "columns", "likes_count_as_active")


def add_measure_options(parser, *, prefix: str = "", lead: str = "") -> None:
    """The options of a measurement (advisor measure, --usage-from). prefix: of their names in
    args, so the top level's do not clash with a command's; lead: said before each help text."""
    parser.add_argument(
        "--platform", dest=prefix + "platform", metavar="NAME",
        help=lead + "viva-engage, teams or slack, instead of recognising the export; with --columns, the name of the platform (e.g. workvivo)",
    )
    parser.add_argument(
        "--employees", dest=prefix + "employees", type=head_count, metavar="N",
        help=lead + "divide by this head count instead of the people in the export",
    )
    parser.add_argument(
        "--columns", dest=prefix + "columns", metavar="SPEC",
        help=lead + "read any per-person CSV: posted=COLUMN,read=COLUMN[,liked=COLUMN,user=COLUMN,days=N]",
    )
    parser.add_argument(
        "--likes-count-as-active", dest=prefix + "likes_count_as_active", action="store_true",
        help=lead + "count people who only liked as active",
    )


def add_usage_from_arguments(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """--usage-from EXPORT...: the usage measured from the platform's own export replaces the
    answers' (see advisor measure), with the options of a measurement."""
    prefix = "top_" if top else ""
    group = parser.add_argument_group("measured usage (see advisor measure)")
    group.add_argument(
        "--usage-from", dest=prefix + "usage_from", nargs="+", metavar="EXPORT",
        help="measure the usage from the platform's own usage export(s) instead of taking the answers' usage",
    )
    add_measure_options(group, prefix=prefix, lead="with --usage-from: ")


def head_count(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"a head count of 1 or more, got {text!r}")
    return int(text)


def measurement_from(args: argparse.Namespace, lang: str, knowledge=None, *, top: bool = False):
    """The measurement --usage-from asks for (None without it), its unreadable rows said on
    standard error; AdvisorError for an export that cannot be measured, or for a measurement
    option given without --usage-from."""
    import sys

    from ..errors import AdvisorError
    from ..i18n import t

    prefix = "top_" if top else ""
    paths = getattr(args, prefix + "usage_from", None)
    options = {name: getattr(args, prefix + name, None) for name in MEASURE_OPTIONS}
    if not paths:
        for name, value in options.items():
            if value:
                option = "--" + name.replace("_", "-")
                raise AdvisorError(t(lang, "usage_from.alone", option=option), hint=t(lang, "usage_from.alone_hint", option=option))
        return None
    from ..measure import measure_exports
    from ..measure.words import w

    measurement = measure_exports(paths, knowledge=knowledge, lang=lang, **options)
    for problem in measurement.warnings:
        print(f"advisor: {w(lang, 'warning')}: {problem.render(t(lang, 'hint'))}", file=sys.stderr)
    return measurement


def measured_answers(answers, measurement, lang: str, source: str | None = None):
    """The answers with the measured usage in place of theirs; each answer the export replaced
    said on standard error (the export wins)."""
    import sys

    from ..measure.apply import conflicts, with_measured_usage
    from ..measure.words import w
    from ..render.measured import difference_line

    answers = with_measured_usage(answers, measurement)
    for difference in conflicts(answers):
        where = f"{source}: " if source else ""
        print(f"advisor: {w(lang, 'warning')}: {where}{difference_line(difference, lang)}", file=sys.stderr)
    return answers
