"""Choosing a rule engine. durable_rules is the default wherever it imports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import AdvisorError

if TYPE_CHECKING:  # the --version path must not import pydantic or the engine
    from .knowledge import Knowledge

ENGINES = ("durable",)


def durable_available() -> bool:
    try:
        import durable.engine  # noqa: F401
    except Exception:  # ImportError, or the C extension failing to load on this Python
        return False
    return True


def durable_installed() -> bool:
    """Whether durable_rules is installed, found without importing it (for the fast --version)."""
    from importlib.util import find_spec

    return find_spec("durable_rules_engine") is not None and find_spec("durable") is not None


def active_engine_name() -> str:
    return "durable" if durable_installed() else "unavailable"


def make_engine(knowledge: "Knowledge", name: str | None = None):
    name = name or "durable"
    if name not in ENGINES:
        raise AdvisorError(f"unknown engine {name!r}", hint=f"choose one of: {', '.join(ENGINES)}")
    if not durable_available():
        raise AdvisorError(
            "durable_rules cannot be imported on this Python",
            hint="use Python 3.11 or 3.12 with a C compiler (see README, Installing)",
        )
    from .engine import DurableEngine

    return DurableEngine(knowledge)
