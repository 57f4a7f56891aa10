"""Choosing a rule engine: durable_rules wherever it imports, the pure-Python evaluator elsewhere.

Both engines read the same compiled rule set and give the same advice, byte for byte
(tests/test_conformance.py). The choice, first match wins:

1. an explicit ``engine=`` / ``--engine durable|python``;
2. the ``ADVISOR_ENGINE`` environment variable (``durable`` or ``python``);
3. ``durable`` if durable_rules is installed on a Python it runs on, else ``python``.

``active_engine_name`` answers for ``advisor --version`` without importing durable_rules (its C
extension is the slowest import of the advisor): it trusts ``find_spec`` and the Python version.
"""

from __future__ import annotations

import os
import sys

from ..errors import AdvisorError, Problem

ENGINES = ("durable", "python")
ENVIRONMENT_VARIABLE = "ADVISOR_ENGINE"
# durable_rules 2.0.28 does not import on Python 3.13+ (PyEval_CallObject was removed); the same
# bound is the environment marker of the dependency in pyproject.toml.
DURABLE_PYTHONS = (3, 13)

_durable_importable: bool | None = None


def durable_available() -> bool:
    """Whether durable_rules imports here (tried once per process)."""
    global _durable_importable
    if _durable_importable is None:
        try:
            import durable.engine  # noqa: F401
        except Exception:  # ImportError, or the C extension failing to load on this Python
            _durable_importable = False
        else:
            _durable_importable = True
    return _durable_importable


def durable_installed() -> bool:
    """Whether durable_rules is installed for a Python it runs on, found without importing it."""
    if sys.version_info[:2] >= DURABLE_PYTHONS:
        return False
    from importlib.util import find_spec

    try:
        return find_spec("durable_rules_engine") is not None and find_spec("durable") is not None
    except (ImportError, ValueError):  # e.g. a blocked module in sys.modules
        return False


def requested_engine() -> str | None:
    """The engine named by ADVISOR_ENGINE, if any."""
    value = os.environ.get(ENVIRONMENT_VARIABLE, "").strip().lower()
    return value or None


def active_engine_name() -> str:
    """The engine ``advise`` uses when none is named (fast: no durable_rules import)."""
    requested = requested_engine()
    if requested in ENGINES:
        return requested
    return "durable" if durable_installed() else "python"


def version_line() -> str:
    """The engine part of ``advisor --version``."""
    requested = requested_engine()
    if requested == "durable" and not durable_installed():
        return f"engine: none ({ENVIRONMENT_VARIABLE}=durable, but durable_rules is not available)"
    if active_engine_name() == "python":
        why = f"{ENVIRONMENT_VARIABLE}=python" if requested == "python" else "durable_rules not available"
        return f"engine: python ({why})"
    return "engine: durable (durable_rules)"


def resolve_engine_name(name: str | None = None) -> str:
    """The engine to use for an explicit choice (or None), checking that it can run here."""
    source = "--engine" if name else ENVIRONMENT_VARIABLE
    name = name or requested_engine()
    if name is None:
        return "durable" if durable_installed() and durable_available() else "python"
    if name not in ENGINES:
        raise AdvisorError(
            Problem(source=source, message=f"unknown engine {name!r}", hint=f"choose one of: {', '.join(ENGINES)}")
        )
    if name == "durable" and not durable_available():
        raise AdvisorError(
            Problem(
                source=source,
                message="durable_rules cannot be imported on this Python",
                hint="use --engine python (same advice), or Python 3.11/3.12 with a C compiler (docs/installing.md)",
            )
        )
    return name


def make_engine(knowledge, name: str | None = None):
    """A new engine for a knowledge base. Callers keep one per knowledge base (reasoning/pipeline.py: advisor_for)."""
    if resolve_engine_name(name) == "durable":
        from .durable import DurableEngine

        return DurableEngine(knowledge)
    from .python import PythonEngine

    return PythonEngine(knowledge)

