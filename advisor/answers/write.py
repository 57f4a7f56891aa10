"""Answers out: a file that `advisor advise --answers` accepts."""

from __future__ import annotations

from ..schema import Answers


def answers_to_yaml(answers: Answers) -> str:
    """An answers file that `advisor advise --answers` accepts, with the unknowns written out."""
    import yaml

    data = answers.model_dump(mode="json", exclude_none=True)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
