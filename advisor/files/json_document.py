"""JSON read as JSON (RFC 8259), so ``1e1`` is a number as JSON says, with the YAML reader's checks.

Duplicate keys, NaN and Infinity, numbers too long to be answers, deep nesting and lone surrogates
are refused; the positions of the values come from the YAML parser, when a problem needs them.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import AdvisorError, Problem
from .document import Document, Loc
from .safe_yaml import INVALID, LONG_NUMBER, MAX_DEPTH, MAX_NUMBER_CHARS, PLAIN_HINT, parse_yaml


def is_json(text: str) -> bool:
    """Whether text (standard input, which has no name) is a JSON document rather than YAML."""
    if not text.lstrip().startswith("{"):
        return False
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False  # YAML (a flow mapping), or JSON with an error the YAML reader places better
    return True


def read_json(text: str, source: str) -> Document:
    """JSON as JSON (RFC 8259), with the checks the YAML reader makes; for problems the JSON parser
    cannot place (a duplicate key, a number too long), the YAML reader gives the position."""
    try:
        data = json.loads(
            text, object_pairs_hook=reject_duplicate_keys, parse_constant=reject_constant,
            parse_int=_json_int, parse_float=_json_float,
        )
    except json.JSONDecodeError as error:
        raise AdvisorError(
            Problem(
                source=source, line=error.lineno, column=error.colno, message=f"not valid JSON: {error.msg}",
                hint="check the commas, quotes and brackets near this position", code=INVALID,
            )
        ) from None
    except RecursionError:
        raise AdvisorError(Problem(source=source, message="nesting too deep", code=INVALID)) from None
    except ValueError as error:
        parse_yaml(text.replace("\t", " "), source)  # raises the same problem, with its position
        raise AdvisorError(Problem(source=source, message=str(error), code=INVALID)) from None
    document = Document(source=source, data=data, json_text=text)
    problem = _json_problem(document, data, ())
    if problem is not None:
        raise AdvisorError(problem)
    return document


def reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict:
    """A JSON object as a dict; a key given twice is a ValueError."""
    found: dict = {}
    for key, value in pairs:
        if key in found:
            raise ValueError(f"duplicate key {key!r}")
        found[key] = value
    return found


def reject_constant(name: str) -> Any:
    """NaN, Infinity and -Infinity, which JSON does not have, as a ValueError."""
    raise ValueError(f"{name} is not a JSON number")


def _json_int(text: str) -> int:
    """A JSON integer, refusing one too long to be an answer."""
    if len(text) > MAX_NUMBER_CHARS:
        raise ValueError(LONG_NUMBER)
    return int(text)


def _json_float(text: str) -> float:
    """A JSON number with a fraction or exponent, refusing one too long to be an answer."""
    if len(text) > MAX_NUMBER_CHARS:
        raise ValueError(LONG_NUMBER)
    return float(text)


def _json_problem(document: Document, value: Any, loc: Loc) -> Problem | None:
    """Nesting deeper than MAX_DEPTH, and text that is not Unicode (a lone surrogate, "\\ud800")."""
    if len(loc) >= MAX_DEPTH:
        return document.problem(loc, f"nesting deeper than {MAX_DEPTH} levels", hint=PLAIN_HINT, code=INVALID)
    if isinstance(value, str):
        return None if not has_lone_surrogate(value) else document.problem(loc, LONE_SURROGATE, hint=_SURROGATE_HINT, code=INVALID)
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        if isinstance(key, str) and has_lone_surrogate(key):
            return document.problem(loc, LONE_SURROGATE, hint=_SURROGATE_HINT, code=INVALID)
        problem = _json_problem(document, item, loc + (key,))
        if problem is not None:
            return problem
    return None


def has_lone_surrogate(text: str) -> bool:
    """Whether text holds half a surrogate pair, which is no Unicode text."""
    return any("\ud800" <= char <= "\udfff" for char in text)

LONE_SURROGATE = "text with a lone surrogate (\\ud800-\\udfff) is not Unicode text"

_SURROGATE_HINT = "write the character itself, or both halves of its surrogate pair"
