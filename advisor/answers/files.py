"""Reading and writing answers files (YAML or JSON), through the one loader."""

from __future__ import annotations

from pathlib import Path

from ..files.read import load_document, validate
from ..schema import Answers


def load_answers(path: str | Path) -> Answers:
    """Read and validate an answers file; '-' reads standard input."""
    return validate(Answers, load_document(path))


def answers_to_yaml(answers: Answers) -> str:
    """An answers file that `advisor advise --answers` accepts, with the unknowns written out."""
    import yaml

    data = answers.model_dump(mode="json", exclude_none=True)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
