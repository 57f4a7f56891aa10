"""What the schema finds wrong with answers, in the advisor's own words and the user's language.

The reader (normalise.py) checks goals, usage, purposes and the organisation itself; what is left
for the schema (the `measured` record, or answers given as data by a tool) is said here from the
catalogs, never in pydantic's words.
"""

from __future__ import annotations

from typing import Any

from ..errors import Problem
from ..files.read import Document, clean_loc
from ..i18n import t

# pydantic's error types, by what went wrong
_TYPES = {
    "string_type": "text",
    "int_type": "whole_number",
    "int_parsing": "whole_number",
    "int_from_float": "whole_number",
    "float_type": "number",
    "float_parsing": "number",
    "bool_type": "boolean",
    "bool_parsing": "boolean",
    "list_type": "list",
}


def problems_of(error, document: Document, data: Any, lang: str) -> list[Problem]:
    """The problems of a ValidationError of ``data`` (the document's answers), each placed."""
    problems = []
    for item in error.errors(include_url=False):
        loc = clean_loc(item["loc"], data)
        message, hint = _words(item, lang)
        problems.append(document.problem(loc, message, hint))
    # pydantic reports one error per member of a union; keep each (position, field, message) once
    return sorted(set(problems), key=lambda p: (p.line or 0, p.column or 0, p.field or "", p.message))


def _words(item: dict, lang: str) -> tuple[str, str | None]:
    kind = item["type"]
    value = item.get("input")
    context = item.get("ctx") or {}
    hint = t(lang, "answers.boolean.hint") if isinstance(value, bool) else None
    if kind == "extra_forbidden":
        return t(lang, "answers.unknown_field"), t(lang, "answers.docs.hint")
    if kind == "missing":
        return t(lang, "answers.missing"), t(lang, "answers.docs.hint")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return t(lang, "answers.not_fields", kind=_kind(value, lang)), hint
    if kind in _TYPES:
        return t(lang, "answers.expected", what=t(lang, "answers.expected." + _TYPES[kind]), kind=_kind(value, lang)), hint
    if kind == "literal_error":
        return t(lang, "answers.one_of", values=context.get("expected", "")) + _got(value, lang), hint
    if kind in ("too_short", "string_too_short"):
        return t(lang, "answers.too_short", min=context.get("min_length", 1)) + _got(value, lang), hint
    if kind in ("too_long", "string_too_long"):
        return t(lang, "answers.too_long", max=context.get("max_length", "")) + _got(value, lang), hint
    if kind in ("greater_than_equal", "greater_than"):
        return t(lang, "answers.at_least", limit=context.get("ge", context.get("gt", ""))) + _got(value, lang), hint
    if kind in ("less_than_equal", "less_than"):
        return t(lang, "answers.at_most", limit=context.get("le", context.get("lt", ""))) + _got(value, lang), hint
    if kind == "string_pattern_mismatch":
        return t(lang, "answers.pattern") + _got(value, lang), hint
    if kind == "value_error":  # the schema's own validators: already the advisor's words
        return str(context.get("error", item["msg"])), hint
    return t(lang, "answers.invalid") + _got(value, lang), hint


def _kind(value: Any, lang: str) -> str:
    for kind, name in ((bool, "boolean"), (dict, "mapping"), (list, "list"), (str, "text"), ((int, float), "number")):
        if isinstance(value, kind):
            return t(lang, "answers.kind." + name)
    return t(lang, "answers.kind.nothing")


def _got(value: Any, lang: str) -> str:
    shown = repr(value)
    return f" ({t(lang, 'answers.got', value=shown)})" if isinstance(value, (str, int, float)) and len(shown) <= 60 else ""
