"""Answers in: from a file (YAML or JSON) or from data, validated, through the one loader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import AdvisorError, Problem
from ..files.read import Document, load_document, problems_from, validate
from ..schema import Answers


def load_answers(path: str | Path) -> Answers:
    """Read and validate an answers file; '-' reads standard input."""
    return validate(Answers, load_document(path))


def parse_answers(answers: Answers | dict[str, Any], source: str = "answers") -> Answers:
    """Answers from data (a dict as the answers format has it), validated."""
    if isinstance(answers, Answers):
        return answers
    if not isinstance(answers, dict):
        raise AdvisorError(
            Problem(source=source, message=f"expected a mapping of answers, got {type(answers).__name__}")
        )
    from pydantic import ValidationError

    try:
        return Answers.model_validate(answers)
    except ValidationError as error:
        raise AdvisorError(problems_from(error, Document(source=source, data=answers))) from None
