"""The whole knowledge base, compiled, as one versioned document for tools to embed (`advisor export`).

The document holds the findings and statements of the study, the rules in source form and as
the compiled durable_rules definitions both engines run, the parameters, the questions, the
recommendations, notices and goal profiles, and the vocabulary. It validates against
advisor/schema/json/knowledge.schema.json (`advisor schema knowledge`), and can be read back with
``KnowledgeExport.model_validate``.
"""

from __future__ import annotations

from typing import Any

from .._version import __version__
from ..knowledge.load import Knowledge, shipped_knowledge
from ..schema import CompiledRuleSet, DerivedFact, KnowledgeExport
from .compiler import CATCH_ALL, compile_rules


def export_knowledge(knowledge: Knowledge | None = None) -> KnowledgeExport:
    """The knowledge base (the shipped one by default) as a ``KnowledgeExport``."""
    from importlib.metadata import PackageNotFoundError, version

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
        vocabulary=knowledge.vocabulary,
    )


def export_data(document: KnowledgeExport) -> dict[str, Any]:
    """The export as plain data, in the source files' own spelling (``as``, ``is``, ``in``)."""
    return document.model_dump(mode="json", by_alias=True, exclude_none=True)

