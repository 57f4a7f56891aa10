"""Measured usage in place of the answers' usage: `advise --usage-from`, the questionnaire's
`advisor --usage-from`, `workshop add --usage-from` and `batch --usage-from`.

Every figure the export measured replaces the answers' figure; where the answers said something
else, the difference is kept in the `measured` block (the export wins, and the report says so).
A figure the export cannot measure (readers in a Teams export) keeps the answers' value. Purposes
are never in an export: they stay the answers'.
"""

from __future__ import annotations

from ..schema import Answers, MeasuredDifference, Organisation, Usage
from ..vocabulary import UNKNOWN
from .measurement import Measurement


def with_measured_usage(answers: Answers, measurement: Measurement) -> Answers:
    """The answers with the measured usage and its provenance (the `measured` block)."""
    usage = answers.usage.model_dump()
    differences = []
    for name, measured in measurement.usage.items():
        answered = usage.get(name, UNKNOWN)
        if measured == UNKNOWN:
            continue  # not measurable from this export: the answer stands (the report says so)
        if answered not in (UNKNOWN, measured):
            differences.append(MeasuredDifference(answer=f"usage.{name}", measured=measured, answered=answered, used="measured"))
        usage[name] = measured
    organisation = answers.organisation
    if measurement.employees is not None and (organisation is None or organisation.employees is None):
        organisation = Organisation(name=organisation.name if organisation else None, employees=measurement.employees)
    provenance = measurement.provenance.model_copy(update={"differences": differences or None})
    return answers.model_copy(
        update={"usage": Usage.model_validate(usage), "organisation": organisation, "measured": provenance}
    )


def conflicts(answers: Answers) -> list[MeasuredDifference]:
    """Where the export replaced a different answer."""
    measured = answers.measured
    return [d for d in (measured.differences or []) if d.used == "measured"] if measured else []
