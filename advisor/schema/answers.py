"""Answers: what the user tells the advisor."""

from __future__ import annotations

import math
from typing import Annotated, Any, Union

from pydantic import Field, PlainValidator, StringConstraints, WithJsonSchema, create_model, field_validator

from ..vocabulary import GOALS, UNKNOWN, installed
from .base import Frequency, Goal, Model, PurposeLevel
from .measured import Measured
from .shares import BAND_PATTERN, band_of, band_text

__all__ = ['Answers', 'Organisation', 'Purposes', 'Share', 'Usage']

# --------------------------------------------------------------------------------------------
# Answers: what the user tells the advisor

def _share(value: Any) -> int | float | str:
    """A percentage of employees, 0 to 100, a band of them ('25-50': from 25 up to 50), or
    'unknown'. 8 and 8.0 are the same answer; a band is kept as the band (schema/shares.py)."""
    if value == UNKNOWN:
        return UNKNOWN
    if isinstance(value, str):
        band = band_of(value)
        if band is None:
            raise ValueError("expected a percentage from 0 to 100, a band such as '25-50', or 'unknown'")
        return band_text(*band)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError("expected a percentage from 0 to 100, or 'unknown'")
    if not 0 <= value <= 100:
        raise ValueError("a share is a percentage of all employees, from 0 to 100")
    # Two decimals are more than any survey measures, and keep numbers out of exponent notation
    # (5e-324), which durable_rules' JSON reader does not understand.
    value = round(float(value), 2)
    return int(value) if value.is_integer() else value


Share = Annotated[
    Union[int, float, str],
    PlainValidator(_share),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 100},
                {
                    "type": "string",
                    "pattern": BAND_PATTERN,
                    "description": "a band, from LOW up to HIGH percent (LOW below HIGH, both 0 to 100), e.g. '25-50'",
                },
                {"const": "unknown"},
            ]
        }
    ),
]


# Usage and Purposes: one field per answer of the vocabulary (rules/catalog/vocabulary.yaml), in
# its order, each unknown until answered.
_KINDS = {"share": Share, "frequency": Frequency, "level": PurposeLevel}
Usage = create_model(
    "Usage",
    __base__=Model,
    **{a.name: (_KINDS[a.kind], UNKNOWN) for a in installed().answers if a.section == "usage"},
)
Purposes = create_model(
    "Purposes",
    __base__=Model,
    **{a.name: (_KINDS[a.kind], UNKNOWN) for a in installed().answers if a.section == "purposes"},
)


class Organisation(Model):
    name: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None
    employees: Annotated[int, Field(ge=1, le=10_000_000)] | None = None


class Answers(Model):
    goals: list[Goal] = Field(min_length=1, max_length=len(GOALS))  # most important first
    usage: Usage = Usage()  # may be left out: every usage answer is then unknown
    purposes: Purposes = Purposes()
    organisation: Organisation | None = None
    # where the usage was measured (advisor measure, --usage-from): no rule reads it; the advice carries it
    measured: Measured | None = None

    @field_validator("goals")
    @classmethod
    def _distinct_goals(cls, goals: list[str]) -> list[str]:
        repeated = sorted({g for g in goals if goals.count(g) > 1})
        if repeated:
            raise ValueError(f"goal listed more than once: {', '.join(repeated)}")
        return goals

    def value(self, key: str) -> Any:
        """The answer at a dotted key such as 'usage.active_share'."""
        section, name = key.split(".", 1)
        return getattr(getattr(self, section), name)
