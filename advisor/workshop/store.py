"""The workshop file: one JSON file in the current directory that holds everything.

Every change is a read-modify-write under an exclusive lock (``filelock``), written atomically
(a temporary file in the same directory, then os.replace), so two terminals adding answers at
the same moment both land and a crash never leaves half a file.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import AdvisorError, Problem
from ..files.write import write_output
from ..i18n import t
from ..files.read import MAX_BYTES, load_document, validate
from ..schema import WORKSHOP_FORMAT, Answers, Workshop, WorkshopResponse
from ..files.lock import locked

SUFFIX = ".workshop.json"
# The loader reads files up to 1 MB; a response takes well under 1 KB (save checks the size).
MAX_RESPONSES = 500
MAX_TEAM_NAME = 60  # schema.TeamName


def slug(text: str) -> str:
    """'Masterclass Zwolle é' -> 'masterclass-zwolle-e': safe in a file name on every system."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")


def file_name(name: str) -> str:
    """The workshop file name for a workshop name: 'Masterclass Zwolle' -> masterclass-zwolle.workshop.json."""
    return (slug(name) or "workshop") + SUFFIX


def create(name: str, *, lang: str, min_group_size: int = 3, directory: Path | None = None, force: bool = False) -> Path:
    """Write a new, empty workshop file and return its path."""
    if not name.strip() or len(name.strip()) > 120:
        raise AdvisorError(Problem(source="NAME", message="a workshop name has 1 to 120 characters"))
    workshop = Workshop(
        name=name, lang=lang, created=datetime.date.today().isoformat(), min_group_size=min_group_size
    )
    path = (directory or Path.cwd()) / file_name(workshop.name)
    with locked(path):
        if path.exists() and not force:
            raise AdvisorError(
                Problem(source=str(path), message=t(lang, "workshop.exists"), hint=t(lang, "workshop.exists_hint"))
            )
        save(path, workshop)
    return path


def load(path: str | Path) -> Workshop:
    document = load_document(path)
    data = document.data
    if not isinstance(data, dict) or data.get("format") != WORKSHOP_FORMAT:
        raise AdvisorError(
            document.problem(
                (),
                "not a workshop file",
                hint="create one with `advisor workshop new NAME`; answers files go in with `advisor workshop add`",
            )
        )
    return validate(Workshop, document)


def save(path: Path, workshop: Workshop) -> None:
    """Write the workshop file, if the advisor can read it back: escaped control characters in
    names take six bytes each, so 500 responses can outgrow the loader's limit."""
    from ..render.json import dumps

    text = dumps(workshop.model_dump(mode="json", exclude_none=True))
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise AdvisorError(
            Problem(
                source=str(path),
                message=t(workshop.lang, "workshop.too_large", max=f"{MAX_BYTES:,}"),
                hint=t(workshop.lang, "workshop.too_large_hint"),
            )
        )
    write_text(path, text)


def team_name(text: str, lang: str, source: str = "--team") -> str:
    """A team name as it is kept (spaces collapsed), or a clear error for one the workshop file
    would refuse (blank, or longer than the schema allows)."""
    name = " ".join(text.split())
    if not 1 <= len(name) <= MAX_TEAM_NAME:
        raise AdvisorError(
            Problem(source=source, field="team", message=t(lang, "workshop.team_name", max=MAX_TEAM_NAME, length=len(name)))
        )
    return name


def write_text(path: Path, text: str) -> None:
    """Write a file atomically (advisor.files.write.write_atomic); a failure is a clear error."""
    write_output(path, text)


def update(path: str | Path, change: Callable[[Workshop], Workshop]) -> Workshop:
    """Read, change and write the workshop under its lock; returns what was written."""
    path = Path(path)
    if not path.is_file():
        load(path)  # the loader's clear "no such file" / "is a directory" error
    with locked(path):
        workshop = change(load(path))
        save(path, workshop)
    return workshop


@dataclass(frozen=True)
class Entry:
    """Answers to add, with where they came from (for messages) and the team, if named."""

    answers: Answers
    team: str | None = None
    source: str = "answers"


ANONYMOUS_NUMBERS = 9999  # an anonymous response gets a random free number from 1 to this


def new_number(responses: list[WorkshopResponse], *, anonymous: bool) -> int:
    """The number of a new response: a named team's is the lowest free one; an anonymous
    response's is a random free one, so that its number, and its place in the file (sorted by
    number), say nothing about when it came in."""
    taken = {response.number for response in responses}
    if anonymous:
        import secrets

        free = [number for number in range(1, ANONYMOUS_NUMBERS + 1) if number not in taken]
        if free:
            return free[secrets.randbelow(len(free))]
    return next(number for number in range(1, len(taken) + 2) if number not in taken)


def in_order(responses: list[WorkshopResponse]) -> list[WorkshopResponse]:
    """Responses as the file keeps them: by number, never in the order they came in."""
    return sorted(responses, key=lambda response: response.number)


def anonymised(answers: Answers) -> Answers:
    """Answers without the organisation block: name and size could single someone out."""
    return answers.model_copy(update={"organisation": None})


def add_entries(
    path: str | Path, entries: list[Entry], *, replace: bool = False, all_or_none: bool = False
) -> tuple[Workshop, list[WorkshopResponse], list[Problem]]:
    """Add each entry as a response, under one lock. A team that answered already is a problem
    (reported, not added) unless replace is set. Returns the workshop, the added responses and
    the problems. With all_or_none (the rows of one table), any problem is an AdvisorError and
    the file is not written."""
    added: list[WorkshopResponse] = []
    problems: list[Problem] = []

    def change(workshop: Workshop) -> Workshop:
        added.clear()
        problems.clear()
        lang = workshop.lang
        responses = list(workshop.responses)
        for entry in entries:
            team = team_name(entry.team, lang, entry.source) if entry.team is not None else None
            same = [r for r in responses if team and r.team and r.team.casefold() == team.casefold()]
            if same and not replace:
                problems.append(
                    Problem(
                        source=entry.source,
                        field="team",
                        message=t(lang, "workshop.team_exists", team=team, number=same[0].number),
                        hint=t(lang, "workshop.team_exists_hint"),
                    )
                )
                continue
            if not same and len(responses) >= MAX_RESPONSES:
                problems.append(Problem(source=entry.source, message=t(lang, "workshop.full", max=MAX_RESPONSES)))
                continue
            number = new_number(workshop.responses + added, anonymous=team is None)
            answers = entry.answers if team else anonymised(entry.answers)
            response = WorkshopResponse(number=number, team=team, answers=answers)
            responses = [r for r in responses if r not in same] + [response]
            added.append(response)
        if all_or_none and problems:
            raise AdvisorError(list(problems))
        return workshop.model_copy(update={"responses": in_order(responses)})

    workshop = update(path, change)
    return workshop, list(added), list(problems)
