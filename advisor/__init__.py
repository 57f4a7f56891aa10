"""The advisor: evidence-based advice on driving adoption of internal social media.

    >>> from advisor import advise
    >>> advice = advise({"goals": ["alignment"], "usage": {"active_share": 8}})
    >>> advice.recommendations[0].id
    'broaden-active-use'

Names are imported on first use, so ``advisor --version`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

__all__ = [
    "Advice",
    "AdvisorError",
    "Answers",
    "Knowledge",
    "KnowledgeExport",
    "__version__",
    "active_engine_name",
    "advise",
    "export_knowledge",
    "json_schema",
    "load_knowledge",
]

_LAZY = {
    "advise": ("advisor.reasoning.pipeline", "advise"),
    "load_knowledge": ("advisor.knowledge.load", "load_knowledge"),
    "Knowledge": ("advisor.knowledge.load", "Knowledge"),
    "Advice": ("advisor.schema", "Advice"),
    "Answers": ("advisor.schema", "Answers"),
    "AdvisorError": ("advisor.errors", "AdvisorError"),
    "KnowledgeExport": ("advisor.schema", "KnowledgeExport"),
    "active_engine_name": ("advisor.engine.choice", "active_engine_name"),
    "export_knowledge": ("advisor.engine.export", "export_knowledge"),
    "json_schema": ("advisor.schema.generate", "json_schema"),
}

if TYPE_CHECKING:  # pragma: no cover
    from .engine.choice import active_engine_name
    from .errors import AdvisorError
    from .engine.export import export_knowledge
    from .knowledge.load import Knowledge, load_knowledge
    from .reasoning.pipeline import advise
    from .schema import Advice, Answers, KnowledgeExport
    from .schema.generate import json_schema


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attribute = _LAZY[name]
        value = getattr(importlib.import_module(module), attribute)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'advisor' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
