"""The checks of `advisor check`, one module per subject; each declares itself in the registry
(advisor/check/registry.py) when imported, in the order they run within a stage."""

from __future__ import annotations

from . import citations, catalog, parameters, translations, vocabulary, fidelity  # noqa: F401 - stage lint
from . import examples, coverage  # noqa: F401 - stages engine and grid
