"""The building blocks of every model: the vocabulary as types, strict models, texts in two languages."""

from __future__ import annotations

import warnings
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

from ..vocabulary import ANSWER_KEYS, FREQUENCIES, GOALS, LANGS, LEVERS, PURPOSE_LEVELS, RELATIONS, UNKNOWN

__all__ = ['AnswerKey', 'Basis', 'Exemption', 'Frequency', 'Goal', 'Id', 'Lang', 'Lever', 'Model', 'Name', 'NonEmpty', 'PurposeLevel', 'Relation', 'SCHEMA_VERSION', 'StatementKind', 'Status', 'Text']

# `construct` is the study's word for an outcome; it shadows pydantic's deprecated
# BaseModel.construct(), which the advisor never calls.
warnings.filterwarnings("ignore", message='Field name "construct"', category=UserWarning)

SCHEMA_VERSION = "1.0"

Goal = Literal[GOALS]
Lever = Literal[LEVERS]
Relation = Literal[RELATIONS]
Lang = Literal[LANGS]
AnswerKey = Literal[ANSWER_KEYS]
Frequency = Literal[FREQUENCIES + (UNKNOWN,)]
PurposeLevel = Literal[PURPOSE_LEVELS + (UNKNOWN,)]
Status = Literal["gap", "sustain"]
Basis = Literal["finding", "conclusion"]  # what a recommendation rests on: a measured finding or an authors' conclusion
StatementKind = Literal["conclusion", "remark", "caveat", "method"]

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$", max_length=64)]
Name = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)


class Exemption(Model):
    """A word of the causal-wording check that a text may use, and why (e.g. it denies the claim)."""

    word: NonEmpty
    reason: NonEmpty


class Text(Model):
    """A text in both languages of the advisor."""

    en: NonEmpty
    nl: NonEmpty
    allow: list[Exemption] | None = None  # words `advisor check` would flag, allowed here for a reason

    def get(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en
