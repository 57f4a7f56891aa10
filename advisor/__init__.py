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
    "__version__",
    "advise",
    "load_knowledge",
]

_LAZY = {
    "advise": ("advisor.reasoning", "advise"),
    "load_knowledge": ("advisor.knowledge", "load_knowledge"),
    "Knowledge": ("advisor.knowledge", "Knowledge"),
    "Advice": ("advisor.schema", "Advice"),
    "Answers": ("advisor.schema", "Answers"),
    "AdvisorError": ("advisor.errors", "AdvisorError"),
}

if TYPE_CHECKING:  # pragma: no cover
    from .errors import AdvisorError
    from .knowledge import Knowledge, load_knowledge
    from .reasoning import advise
    from .schema import Advice, Answers


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
