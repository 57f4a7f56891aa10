"""`advisor export`: the whole knowledge base as one versioned document, for tools to embed.

The document holds the findings and statements of the study, the rules in source form and as
the compiled durable_rules definitions both engines run, the parameters, the questions, the
recommendations, notices and goal profiles. It validates against advisor/schema/json/knowledge.schema.json
(`advisor schema knowledge`), and can be read back with ``KnowledgeExport.model_validate``.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from ..options import add_knowledge_arguments, knowledge_from


if TYPE_CHECKING:  # pragma: no cover
    from ...knowledge.load import Knowledge
    from ...schema import KnowledgeExport


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("json", "yaml"), default="json", help="output format (default: json)")
    parser.add_argument("--out", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    add_knowledge_arguments(parser)


def export_knowledge(knowledge: Knowledge | None = None) -> KnowledgeExport:
    """The knowledge base (the shipped one by default) as a ``KnowledgeExport``."""
    from importlib.metadata import PackageNotFoundError, version

    from ..._version import __version__
    from ...engine.compiler import CATCH_ALL, compile_rules
    from ...knowledge.load import shipped_knowledge
    from ...schema import CompiledRuleSet, DerivedFact, KnowledgeExport

    knowledge = knowledge or shipped_knowledge()
    try:
        engine_version = version("durable_rules")
    except PackageNotFoundError:  # the Python engine reads the same definitions
        engine_version = "2.0.28"
    derives = {
        rule.id: DerivedFact(name=name, value=value)
        for rule in knowledge.rules
        if rule.then.derive
        for name, value in rule.then.derive.items()
    }
    files = knowledge.findings_file
    return KnowledgeExport(
        advisor_version=__version__,
        knowledge_version=knowledge.version,
        source=files.source,
        findings=list(files.findings),
        statements=list(files.statements),
        rules=list(knowledge.rules),
        compiled=CompiledRuleSet(
            engine_version=engine_version, rules=compile_rules(knowledge), derives=derives, catch_all=CATCH_ALL
        ),
        parameters=list(knowledge.parameters.values()),
        questions=list(knowledge.questions),
        recommendations=list(knowledge.recommendations.values()),
        notices=list(knowledge.notices.values()),
        goals=list(knowledge.goal_profiles.values()),
    )


def export_data(document: KnowledgeExport) -> dict[str, Any]:
    """The export as plain data, in the source files' own spelling (``as``, ``is``, ``in``)."""
    return document.model_dump(mode="json", by_alias=True, exclude_none=True)


def render(document: KnowledgeExport, fmt: str) -> str:
    data = export_data(document)
    if fmt == "yaml":
        import yaml

        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    from ...render.json import dumps

    return dumps(data)


def run(args: argparse.Namespace) -> int:
    text = render(export_knowledge(knowledge_from(args)), args.format)
    if args.out:
        from ...files.write import write_output

        write_output(args.out, text)
        print(f"advisor: export: {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
