"""Workshops: one file holds a workshop's settings and every response collected in it."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from .base import Lang, Model
from .answers import Answers

__all__ = ['DeviceHash', 'ScreenKey', 'TeamName', 'WORKSHOP_FORMAT', 'WORKSHOP_VERSION', 'Workshop', 'WorkshopResponse']

# --------------------------------------------------------------------------------------------
# Workshops: one file holds a workshop's settings and every response collected in it

TeamName = Annotated[str, StringConstraints(min_length=1, max_length=60, strip_whitespace=True)]
DeviceHash = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
ScreenKey = Annotated[str, StringConstraints(min_length=1, max_length=200)]
WORKSHOP_FORMAT = "advisor-workshop"
WORKSHOP_VERSION = "1"  # the workshop file's own version, independent of the advice schema


class WorkshopResponse(Model):
    """The answers of one team or person. No team name: collected anonymously."""

    number: int = Field(ge=1)  # stable within the workshop, never reused while the response exists
    team: TeamName | None = None
    answers: Answers
    # Sent from a phone (`workshop serve`): the SHA-256 of that phone's device cookie, so it can
    # change its own answer. The cookie itself is never stored.
    device: DeviceHash | None = None


class Workshop(Model):
    format: Literal["advisor-workshop"] = WORKSHOP_FORMAT
    version: Literal["1"] = WORKSHOP_VERSION
    name: Annotated[str, StringConstraints(min_length=1, max_length=120, strip_whitespace=True)]
    lang: Lang
    created: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]
    # No aggregate is shown over fewer answers than this, so no one's answers can be singled out.
    min_group_size: int = Field(default=3, ge=1, le=1000)
    responses: list[WorkshopResponse] = []
    # Kept by `workshop serve` (written only once set, so older files stay as they are):
    # whether participants may still send or change answers (None: open) ...
    collection: Literal["open", "closed"] | None = None
    # ... and the presenter screens whose answers have been revealed (workshop/screens.py keys).
    revealed: list[ScreenKey] | None = None

    @model_validator(mode="after")
    def _distinct_responses(self) -> "Workshop":
        numbers = [r.number for r in self.responses]
        if len(set(numbers)) != len(numbers):
            raise ValueError("response numbers must be distinct")
        teams = [r.team.casefold() for r in self.responses if r.team]
        repeated = sorted({team for team in teams if teams.count(team) > 1})
        if repeated:
            raise ValueError(f"team listed more than once: {', '.join(repeated)}")
        return self
