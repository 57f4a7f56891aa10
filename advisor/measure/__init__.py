"""Measured usage: the platform's own usage export read, instead of a guess.

``measure_exports(paths, ...)`` reads one or more exports (Viva Engage, Teams, Slack, or any
per-person CSV with named columns) and returns a ``Measurement``: ``.usage`` in the answers
format, ``.provenance`` (the ``measured`` block: where each figure came from), and ``.warnings``.
The modules, one job each: formats (what each export holds, recognised from its header),
sources (opening a file as a stream), rows (reading one row), tally (adding people up),
figures (shares, medians, frequencies), thresholds (the knowledge's frequency parameters),
provenance (the measured block), render (text, YAML, JSON), words (English and Dutch).
"""

from __future__ import annotations

from .measurement import Measurement, measure_exports

__all__ = ["Measurement", "measure_exports"]
