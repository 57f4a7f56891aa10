"""What a live workshop (`advisor workshop serve`) changes in the workshop file: a response sent
from a participant's phone, collection opened or closed, a screen revealed, a question reset.

Each change is one read-modify-write under the file's lock, written atomically (store.update),
exactly as `workshop add` does: `present`, `status`, `export` and a second server see it at
once, and a server killed half-way leaves the file as it was before or after the change.
"""

from __future__ import annotations

import unicodedata

from ..errors import AdvisorError, Problem
from ..i18n import t
from ..schema import Answers, Workshop, WorkshopResponse
from ..vocabulary import ANSWER_KEYS, UNKNOWN
from . import store

TEAM_MAX = 60  # as the workshop file's TeamName
# Characters that could steer a terminal (`workshop status`, `present`) or reorder text on a
# screen: C0/C1 controls, and the bidirectional overrides and isolates.
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def team_name(text: str | None, lang: str) -> str | None:
    """A team name as typed on a phone: spaces tidied; None when empty. AdvisorError (field
    team) for one that is too long or holds control characters."""
    name = " ".join((text or "").split())
    if not name:
        return None
    if any(unicodedata.category(ch) == "Cc" or ch in _BIDI for ch in name):
        raise AdvisorError(Problem(source="form", field="team", message=t(lang, "web.team_control")))
    if len(name) > TEAM_MAX:
        raise AdvisorError(Problem(source="form", field="team", message=t(lang, "web.team_long", max=TEAM_MAX)))
    return name


def is_open(workshop: Workshop) -> bool:
    return workshop.collection != "closed"


def submit(
    path,
    answers: Answers,
    *,
    team: str | None,
    device: str,
    number: int | None = None,
    per_device: int = 1,
    lang: str = "en",
) -> tuple[Workshop, WorkshopResponse]:
    """Add a device's response, or replace its response `number`. Refused (AdvisorError) when
    collection is closed, the device has sent its share already, the response is not the
    device's, the team name is taken by another response, or the file is full."""
    made: list[WorkshopResponse] = []

    def change(workshop: Workshop) -> Workshop:
        made.clear()
        if not is_open(workshop):
            raise AdvisorError(Problem(source="workshop", message=t(lang, "web.closed")))
        responses = list(workshop.responses)
        own = [r for r in responses if r.device == device]
        target = None
        if number is not None:
            target = next((r for r in own if r.number == number), None)
            if target is None:
                raise AdvisorError(Problem(source="workshop", message=t(lang, "web.not_yours")))
        elif len(own) >= per_device:
            raise AdvisorError(Problem(source="workshop", message=t(lang, "web.answered_already")))
        if team:
            taken = [r for r in responses if r.team and r.team.casefold() == team.casefold() and r is not target]
            if taken:
                raise AdvisorError(Problem(source="form", field="team", message=t(lang, "web.team_taken", team=team)))
        if target is None and len(responses) >= store.MAX_RESPONSES:
            raise AdvisorError(Problem(source="workshop", message=t(lang, "workshop.full", max=store.MAX_RESPONSES)))
        new_number = target.number if target else store.new_number(responses, anonymous=not team)
        response = WorkshopResponse(
            number=new_number, team=team, answers=answers if team else store.anonymised(answers), device=device
        )
        made.append(response)
        if target is not None:
            responses = [response if r is target else r for r in responses]
        else:
            responses.append(response)
        return workshop.model_copy(update={"responses": store.in_order(responses)})

    workshop = store.update(path, change)
    return workshop, made[0]


def set_collection(path, open_: bool) -> Workshop:
    return store.update(path, lambda w: w.model_copy(update={"collection": None if open_ else "closed"}))


def reveal(path, key: str) -> Workshop:
    def change(workshop: Workshop) -> Workshop:
        shown = list(workshop.revealed or [])
        if key not in shown:
            shown.append(key)
        return workshop.model_copy(update={"revealed": shown})

    return store.update(path, change)


def reset_question(path, key: str) -> tuple[Workshop, int]:
    """Clear every response's answer to one question (it becomes "don't know") and hide its
    screen again, so the group can answer it afresh. Returns the workshop and how many answers
    were cleared."""
    if key not in ANSWER_KEYS:
        raise AdvisorError(Problem(source="workshop", field="question", message=f"not a question: {key[:80]!r}"))
    section, name = key.split(".", 1)
    cleared = [0]

    def change(workshop: Workshop) -> Workshop:
        cleared[0] = 0
        responses = []
        for response in workshop.responses:
            if response.answers.value(key) != UNKNOWN:
                cleared[0] += 1
                part = getattr(response.answers, section).model_copy(update={name: UNKNOWN})
                response = response.model_copy(update={"answers": response.answers.model_copy(update={section: part})})
            responses.append(response)
        revealed = [k for k in (workshop.revealed or []) if k != "question:" + key] or None
        return workshop.model_copy(update={"responses": responses, "revealed": revealed})

    workshop = store.update(path, change)
    return workshop, cleared[0]
