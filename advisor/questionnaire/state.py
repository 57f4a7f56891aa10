"""The questionnaire's save file: the answers so far and the question to ask next.

Saved after every answer, atomically (a temporary file in the same directory, then os.replace),
in the user's state directory, so Ctrl-C or a closed terminal loses nothing and `advisor --resume`
continues where the person stopped. A file that is damaged, or is not a save file of this
questionnaire, is reported (exit 2) and never overwritten.

The file is JSON; its "answers" hold the answers given so far in the shape of an answers file.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import AdvisorError, Problem
from ..files.write import write_atomic
from ..i18n import LANGS
from ..vocabulary import ANSWER_KEYS

FORMAT = "advisor-questionnaire"
VERSION = 1
FILE_NAME = "questionnaire.json"
QUESTION_KEYS = ("goals",) + ANSWER_KEYS + ("organisation.name", "organisation.employees")
_MOVE_AWAY = "move it away or delete it to start afresh (it is left as it is)"


def state_dir() -> Path:
    """Where the advisor keeps its state: the platform's own place, from platformdirs:
    $XDG_STATE_HOME/advisor or ~/.local/state/advisor on Linux (a relative XDG path is ignored,
    as the XDG specification asks), ~/Library/Application Support/advisor on macOS,
    %LOCALAPPDATA%\\advisor on Windows."""
    import platformdirs

    return Path(platformdirs.user_state_dir("advisor", appauthor=False))


def default_state_file() -> Path:
    return state_dir() / FILE_NAME


@dataclass
class Progress:
    """Where a person is in the questionnaire."""

    lang: str
    answers: dict[str, Any] = field(default_factory=dict)  # question key -> answer given
    next: str | None = None  # the question to ask next; None once complete
    complete: bool = False
    knowledge_version: str = ""
    saved_at: str = ""
    # usage measured from an export (advisor --usage-from): its values, its provenance (the
    # measured block), the head count given, and whether to use them ("use": None until asked)
    measured: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        data = {
            "format": FORMAT,
            "version": VERSION,
            "saved_at": self.saved_at,
            "lang": self.lang,
            "knowledge_version": self.knowledge_version,
            "complete": self.complete,
            "next": self.next,
            "answers": nest(self.answers),
        }
        if self.measured is not None:  # written only when measured, so other save files stay as they were
            data["measured"] = self.measured
        return data


def nest(flat: dict[str, Any]) -> dict[str, Any]:
    """{'usage.active_share': 8} -> {'usage': {'active_share': 8}}; 'goals' stays at the top."""
    nested: dict[str, Any] = {}
    for key, value in flat.items():
        if "." in key:
            section, name = key.split(".", 1)
            nested.setdefault(section, {})[name] = value
        else:
            nested[key] = value
    return nested


def flatten(nested: dict[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in nested.items():
        if isinstance(value, dict):
            for name, inner in value.items():
                flat[f"{key}.{name}"] = inner
        else:
            flat[key] = value
    return flat


def save(path: Path, progress: Progress) -> None:
    """Write the save file atomically; the directory is made private to the user."""
    progress.saved_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(path, json.dumps(progress.to_json(), ensure_ascii=False, indent=2) + "\n")
    except OSError as error:
        raise _cannot_save(path, error) from None


def check_writable(path: Path) -> None:
    """Make sure answers can be saved at path, before the first question is asked: a save that
    fails after an answer would lose it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        probe = path.with_name(f".{path.name}.{os.getpid()}.probe")
        probe.touch()
        probe.unlink()
    except OSError as error:
        raise _cannot_save(path, error) from None


def _cannot_save(path: Path, error: OSError) -> AdvisorError:
    return AdvisorError(
        Problem(
            source=str(path),
            message=f"cannot save the answers here: {error.strerror or error}",
            hint="make that folder writable, or point XDG_STATE_HOME (on Windows LOCALAPPDATA) at one that is",
        )
    )


def peek(path: Path) -> Progress | None:
    """The saved progress (None if there is no save file), checked for shape but not yet for the
    validity of each answer: quick enough for start-up, without loading the schema."""
    data = _read_save_file(path)
    if data is None:
        return None
    _check_format(path, data)
    for name, ok in _FIELD_CHECKS:
        if name not in data or not ok(data[name]):
            raise _damaged(path, "missing or invalid", field=name)
    measured = data.get("measured")
    if measured is not None and not (
        isinstance(measured, dict)
        and isinstance(measured.get("usage"), dict)
        and isinstance(measured.get("provenance"), dict)
        and measured.get("use") in (None, True, False)
    ):
        raise _damaged(path, "missing or invalid", field="measured")
    answers = flatten(data["answers"])
    unknown = sorted(set(answers) - set(QUESTION_KEYS))
    if unknown:
        raise _damaged(path, f"unknown answer {unknown[0]!r}", field="answers")
    if not answers.get("goals"):
        raise _damaged(path, "no goals saved", field="answers.goals")
    return Progress(
        lang=data["lang"],
        answers=answers,
        next=data["next"],
        complete=data["complete"],
        knowledge_version=data["knowledge_version"],
        saved_at=data["saved_at"],
        measured=measured,
    )


def _read_save_file(path: Path) -> Any:
    """The save file as JSON data, None if there is none; a clear error if it cannot be read."""
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):  # nothing saved (yet) where it would be
        return None
    except IsADirectoryError:
        raise AdvisorError(Problem(source=str(path), message="is a directory, not a save file", hint=_MOVE_AWAY)) from None
    except OSError as error:
        raise AdvisorError(Problem(source=str(path), message=f"cannot read: {error.strerror}")) from None
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise _damaged(path, "not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise _damaged(path, f"not valid JSON ({error.msg})", line=error.lineno, column=error.colno) from None
    except RecursionError:
        raise _damaged(path, "nested too deeply") from None
    except ValueError as error:  # e.g. a number of thousands of digits
        raise _damaged(path, str(error).split(";")[0]) from None


def _check_format(path: Path, data: Any) -> None:
    """The file is a save file of the questionnaire, in a format this advisor reads."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise AdvisorError(
            Problem(source=str(path), message="not a save file of the advisor questionnaire", hint=_MOVE_AWAY)
        )
    if not isinstance(data.get("version"), int) or isinstance(data["version"], bool):
        raise _damaged(path, f"the save format must be a whole number (got {data.get('version')!r})", field="version")
    if data["version"] > VERSION:
        raise AdvisorError(
            Problem(
                source=str(path),
                field="version",
                message=f"saved by a newer advisor (save format {data.get('version')!r}; this one reads {VERSION})",
                hint="continue with that version, or " + _MOVE_AWAY,
            )
        )


def _local_time_of(saved_at: object) -> bool:
    """Whether saved_at is a time that can be shown in local time (year 1 in a time zone east of
    UTC cannot)."""
    if not isinstance(saved_at, str):
        return False
    if not saved_at:
        return True  # not known: nothing to show
    try:
        datetime.fromisoformat(saved_at).astimezone()
    except (ValueError, OverflowError, OSError):
        return False
    return True


def check_answers(path: Path, progress: Progress) -> None:
    """Validate the saved answers against the schema, naming the line of a bad one."""
    from ..files.read import load_document, validate
    from ..schema import Answers, Measured, Usage

    document = load_document(path)
    answers = document.data["answers"]
    try:
        validate(Answers, document, data={"usage": {}, **answers}, prefix=("answers",))
        if progress.measured is not None:  # what a measurement left to use: read back as it was written
            validate(Usage, document, data=progress.measured["usage"], prefix=("measured", "usage"))
            validate(Measured, document, data=progress.measured["provenance"], prefix=("measured", "provenance"))
    except AdvisorError as error:
        raise AdvisorError([replace(p, hint=p.hint or _MOVE_AWAY) for p in error.problems]) from None


def _damaged(path: Path, message: str, *, field: str | None = None, line: int | None = None, column: int | None = None):
    return AdvisorError(
        Problem(
            source=str(path),
            line=line,
            column=column,
            field=field,
            message=f"the questionnaire's save file is damaged: {message}",
            hint=_MOVE_AWAY,
        )
    )


# What each field of a save file must be (a damaged one is reported and left as it is).
_FIELD_CHECKS = (
    ("lang", lambda v: v in LANGS),
    ("complete", lambda v: isinstance(v, bool)),
    ("next", lambda v: v is None or v in QUESTION_KEYS),
    ("answers", lambda v: isinstance(v, dict) and all(isinstance(k, str) for k in v)),
    ("knowledge_version", lambda v: isinstance(v, str)),
    ("saved_at", _local_time_of),
)
