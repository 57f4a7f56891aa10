"""Strict validation with positions: pydantic's errors as problems that name the file, line, column
and field, with a hint; every problem found is reported, sorted."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, TypeVar

from ..errors import AdvisorError, Problem
from .document import Document, Loc

SCHEMA = "schema"  # a document that does not fit its model
M = TypeVar("M", bound="BaseModel")

if TYPE_CHECKING:  # pydantic loads with the first validation: reading the vocabulary does not need it
    from pydantic import BaseModel, ValidationError


def validate(
    model: type[M],
    document: Document,
    *,
    data: Any = None,
    prefix: Loc = (),
    code: Callable[[str, Loc], str] | None = None,
    item_id: Callable[[Loc], str | None] | None = None,
) -> M:
    """Validate document data (or a part of it at prefix) against a model; raise all problems.
    ``code`` gives each problem its code from pydantic's error type and the field (default:
    "schema"), ``item_id`` the id of what it is about from the field (see problems_from)."""
    from pydantic import ValidationError

    value = document.data if data is None else data
    if value is None:
        raise AdvisorError(document.problem(prefix, "empty document", hint=_FIELDS.get(model.__name__), code=SCHEMA))
    try:
        return model.model_validate(value)
    except ValidationError as error:
        raise AdvisorError(problems_from(error, document, prefix, data=value, code=code, item_id=item_id)) from None


def problems_from(
    error: "ValidationError",
    document: Document,
    prefix: Loc = (),
    *,
    data: Any = None,
    code: Callable[[str, Loc], str] | None = None,
    item_id: Callable[[Loc], str | None] | None = None,
) -> list[Problem]:
    """The problems of a validation of ``data`` (by default: the document's data at ``prefix``),
    each with a code (``code(error type, loc)``, else "schema") and the id ``item_id(loc)`` gives."""
    if data is None:
        data = document.data
        for part in prefix:
            data = data[part] if isinstance(data, (dict, list)) else None
    problems = []
    for item in error.errors(include_url=False):
        loc = prefix + clean_loc(item["loc"], data)
        problems.append(
            document.problem(
                loc, _message(item), _hint(item, error.title),
                code=code(item["type"], loc) if code else SCHEMA, id=item_id(loc) if item_id else None,
            )
        )
    # pydantic reports one error per union member; keep each (position, field, message) once
    return sorted(set(problems), key=lambda p: (p.line or 0, p.column or 0, p.field or "", p.message))


def clean_loc(loc: tuple, data: Any) -> Loc:
    """Drop pydantic's union and validator markers (e.g. 'float', 'literal['unknown']') from loc.
    A part that is a key of the data validated is a field, whatever its name (even 'a[b')."""
    cleaned = []
    for part in loc:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        elif isinstance(part, str) and ("[" in part or part in _TYPE_MARKERS or part.startswith("function-")):
            continue
        else:
            data = None
        cleaned.append(part)
    return tuple(cleaned)

_TYPE_MARKERS = {"str", "int", "float", "bool", "list", "dict", "constrained-str", "none", "tagged-union"}


def _message(item: dict) -> str:
    kind = item["type"]
    if kind == "extra_forbidden":
        return "unknown field"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a mapping of fields, got {_kind_of(item.get('input'))}"
    if kind == "missing":
        return "required field is missing"
    message = item["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    if "input" in item and kind not in ("model_type", "model_attributes_type"):
        shown = repr(item["input"])
        if len(shown) <= 60:
            message += f" (got {shown})"
    return message


def _kind_of(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "text"
    return type(value).__name__

# Where a user of the installed advisor (who has no README) finds every field of a file, by the
# model that read it: a command, never a file of the source tree.
_FIELDS = {
    "Answers": "`advisor schema answers` lists every field of an answers file",
    "FindingsFile": "`advisor export --format yaml` shows every field of the shipped findings and rules",
    "RuleFile": "`advisor export --format yaml` shows every field of the shipped findings and rules",
}


def _hint(item: dict, model: str = "") -> str | None:
    kind = item["type"]
    value = item.get("input")
    if isinstance(value, bool):
        return "YAML reads unquoted yes/no/on/off/true/false as a boolean: put the text in quotes"
    if kind == "extra_forbidden":
        return "check the spelling" + (f"; {_FIELDS[model]}" if model in _FIELDS else "")
    if kind == "missing":
        return "add it" + (f"; {_FIELDS[model]}" if model in _FIELDS else "")
    if kind == "model_type" and isinstance(value, str) and (item.get("ctx") or {}).get("class_name") == "Text":
        return 'give the text in both languages: {en: "...", nl: "..."}'
    if kind == "literal_error":
        return None  # the message already lists the allowed values
    if kind == "too_short" and item["loc"][:1] == ("goals",):
        return "choose at least one goal: the study's advice is to decide the intended effect first"
    return None
