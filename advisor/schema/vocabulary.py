"""rules/catalog/vocabulary.yaml: the words of the domain, from which the answers format is built.

advisor/vocabulary.py reads the installed file to build the answers format; this model is the
file's full schema, checked whenever a knowledge base is loaded (every label in every language of
the advisor, names, no repeats), and part of the exported knowledge.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..vocabulary import UNKNOWN
from .base import Model, Name, Text

__all__ = ['PurposeTerm', 'UsageTerm', 'Vocabulary', 'VocabularyLevel']


class VocabularyLevel(Model):
    """One value a frequency or purpose answer takes, and how it is written in each language."""

    value: Name
    label: Text


class UsageTerm(Model):
    """A usage dimension of the study and the answer under `usage:` that measures it."""

    dimension: Name  # the lever, as findings and recommendations name it
    answer: Name  # the answer's name under usage:
    kind: Literal["share", "frequency"]  # a percentage of all employees, or how often
    bands: list[Name] | None = Field(default=None, min_length=2, max_length=2)  # a share: [low mark, high mark] parameters
    label: Text  # the lever's name
    answer_label: Text  # the answer's name

    @model_validator(mode="after")
    def _bands_for_shares(self) -> "UsageTerm":
        if (self.kind == "share") != (self.bands is not None):
            raise ValueError("a share names its two band parameters ([low mark, high mark]); a frequency names none")
        return self


class PurposeTerm(Model):
    """A purpose the platform is used for, answered under `purposes:` with a purpose level."""

    purpose: Name
    label: Text
    answer_label: Text


class Vocabulary(Model):
    """The goals, usage dimensions, purposes and levels of the advisor."""

    goals: list[Name] = Field(min_length=1)
    usage: list[UsageTerm] = Field(min_length=1)
    purposes: list[PurposeTerm] = Field(min_length=1)
    frequencies: list[VocabularyLevel] = Field(min_length=1)  # most often first
    purpose_levels: list[VocabularyLevel] = Field(min_length=1)  # least used first
    unknown: Text  # how `unknown` may be written

    @model_validator(mode="after")
    def _distinct(self) -> "Vocabulary":
        groups = {
            "goals": self.goals,
            "levers": [u.dimension for u in self.usage] + [p.purpose for p in self.purposes],
            "usage answers": [u.answer for u in self.usage],
            "frequencies": [level.value for level in self.frequencies],
            "purpose levels": [level.value for level in self.purpose_levels],
        }
        for what, names in groups.items():
            repeated = sorted({name for name in names if names.count(name) > 1})
            if repeated:
                raise ValueError(f"{what} listed more than once: {', '.join(repeated)}")
            if UNKNOWN in names:
                raise ValueError(f"{UNKNOWN!r} is not a name of {what}: every answer may be unknown already")
        return self
