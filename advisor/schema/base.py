"""The building blocks of every model: the vocabulary as types, strict models, texts in every language."""

from __future__ import annotations

import warnings
from typing import Annotated, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints, create_model

from ..i18n import LANGS, SOURCE_LANG
from ..vocabulary import ANSWER_KEYS, FREQUENCIES, GOALS, LEVERS, PURPOSE_LEVELS, RELATIONS, UNKNOWN

__all__ = ['AnswerKey', 'Basis', 'Exemption', 'Frequency', 'Frozen', 'FrozenList', 'Goal', 'Id', 'Lang', 'Lever', 'Model', 'Name', 'NonEmpty', 'PurposeLevel', 'Relation', 'SCHEMA_VERSION', 'StatementKind', 'Status', 'Text']

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


class FrozenList(list):
    """A list that cannot be changed. Models are frozen, but their lists are not: advice is
    shared between callers (advisor/reasoning/pipeline.py keeps it), so its lists are these.
    It is still a list: it compares equal to one, and serialises and pickles as one."""

    def _frozen(self, *args, **kwargs):
        raise TypeError("this list is part of shared advice and cannot be changed: copy it with list()")

    append = extend = insert = remove = pop = clear = sort = reverse = _frozen
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _frozen

    def __reduce__(self):
        return (FrozenList, (list(self),))


_T = TypeVar("_T")
Frozen = Annotated[list[_T], AfterValidator(FrozenList)]  # in JSON and its schema, an array as any list


class Exemption(Model):
    """A word of the causal-wording check that a text may use, and why (e.g. it denies the claim)."""

    word: NonEmpty
    reason: NonEmpty


class _Text(Model):
    def get(self, lang: str) -> str:
        """The text in a language (in the source language for one the advisor does not speak)."""
        return getattr(self, lang if lang in LANGS else SOURCE_LANG)


# A text in every language of the advisor: one field per message catalog (advisor/i18n/locale/),
# so a new catalog asks every text of the knowledge for its translation.
Text = create_model(
    "Text",
    __base__=_Text,
    __doc__="A text in every language of the advisor.",
    **{lang: (NonEmpty, ...) for lang in LANGS},
    allow=(list[Exemption] | None, None),  # words `advisor check` would flag, allowed here for a reason
)
