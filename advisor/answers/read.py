"""Answers in: from a file (YAML or JSON) or from data, through the one reader (normalise.py).

Every channel reads answers here, in the user's language: ``load_answers`` for files (`advise
--answers`, `workshop add`, a batch folder), ``parse_answers`` for data (the line protocol,
batch rows, `--set`, the questionnaire, web forms, the Python API). The spellings answers may use
come from a knowledge base: the one given, or the shipped one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import AdvisorError
from ..files.read import Document, load_document
from ..schema import Answers
from ..schema.shares import band_of
from ..vocabulary import SHARE_ANSWERS


def load_answers(path: str | Path, *, lang: str = "en", knowledge=None) -> Answers:
    """Read an answers file ('-' reads standard input); AdvisorError with every problem, placed."""
    return read_answers(load_document(path), lang=lang, knowledge=knowledge)


def parse_answers(answers: Answers | Any, source: str = "answers", *, lang: str = "en", knowledge=None) -> Answers:
    """Answers from data (a mapping as the answers format has it, in any spelling it accepts).
    Answers already validated are read again only when a share is a band: whether a band can be
    decided depends on the knowledge base's thresholds, which the schema does not know."""
    if isinstance(answers, Answers):
        if not any(band_of(answers.value(key)) for key in SHARE_ANSWERS):
            return answers
        answers = answers.model_dump(mode="json", exclude_none=True)
    return read_answers(Document(source=source, data=answers), lang=lang, knowledge=knowledge)


def read_answers(document: Document, *, lang: str = "en", knowledge=None) -> Answers:
    """The answers in a document; AdvisorError, in the language asked for, when they are wrong."""
    from pydantic import ValidationError

    from .messages import problems_of
    from .normalise import normalise

    data, problems = normalise(document, lang, lambda: spellings(knowledge))
    if problems:
        raise AdvisorError(problems)
    try:
        return Answers.model_validate(data)
    except ValidationError as error:
        raise AdvisorError(problems_of(error, document, data, lang)) from None


def goals_from_options(values: list[str], option: str, lang: str = "en", knowledge=None) -> list[str]:
    """The goals named by a command's options (`--goal`), in any spelling an answers file accepts."""
    from .normalise import read_goals

    goals, problems = read_goals(values, Document(source=option, data=None), lang, lambda: spellings(knowledge))
    if problems:
        raise AdvisorError(problems)
    return goals


def spellings(knowledge=None):
    """The spellings of a knowledge base (the shipped one by default)."""
    from .spellings import spellings_for

    if knowledge is None:
        from ..knowledge.load import shipped_knowledge

        knowledge = shipped_knowledge()
    return spellings_for(knowledge)
