"""The options several commands share, defined once: --lang, --engine, the answers file, --findings and
--rules, and what they select (the language, the knowledge base, its advisor)."""

from __future__ import annotations

import argparse

from ..engine.choice import ENGINES, ENVIRONMENT_VARIABLE
from ..i18n import LANGS, default_lang


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


def knowledge_from(args: argparse.Namespace):
    """The knowledge base --findings and --rules name, or the shipped one."""
    from ..knowledge.load import load_knowledge, shipped_knowledge

    if getattr(args, "findings", None) or getattr(args, "rules", None):
        return load_knowledge(args.findings, args.rules)
    return shipped_knowledge()


def advisor_from(args: argparse.Namespace):
    """The advisor of that knowledge base, with the engine --engine names (or the default)."""
    from ..reasoning.pipeline import advisor_for

    return advisor_for(knowledge_from(args), getattr(args, "engine", None))
