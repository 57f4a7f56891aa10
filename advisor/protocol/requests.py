"""One JSON line in, one request out: what `advisor serve --stdio` and JSON-lines batch input read.

A line holds either a bare answers object, or the long form ``{"id": ..., "lang": ..., "answers":
{...}}`` (schema: request). Everything that can be wrong with a line becomes a ``LineError`` with
a code from the error schema, never an exception that stops the reader.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import AdvisorError, Problem
from ..files.json_document import LONE_SURROGATE, has_lone_surrogate, reject_constant, reject_duplicate_keys

MAX_LINE_BYTES = 1_000_000  # as for answers files (loader.MAX_BYTES)


@dataclass
class LineError(Exception):
    code: str  # one of schema.ErrorCode
    message: str
    problems: list[Problem] = field(default_factory=list)
    id: Any = None  # the request id, if the line was read that far


@dataclass
class Request:
    answers: Any  # validated Answers
    id: Any = None
    lang: str | None = None
    long_form: bool = False  # the answer goes out as {"id", "advice"} rather than bare advice


def parse_json(raw: bytes) -> Any:
    """A line of bytes as JSON; LineError("invalid_json") if it is not."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise LineError("invalid_json", f"not UTF-8 text (byte {error.start + 1})") from None
    try:
        data = json.loads(text, object_pairs_hook=reject_duplicate_keys, parse_constant=reject_constant)
    except json.JSONDecodeError as error:
        raise LineError("invalid_json", f"{error.msg} (column {error.colno})") from None
    except RecursionError:
        raise LineError("invalid_json", "nested too deeply") from None
    except ValueError as error:  # duplicate keys, NaN, an integer of thousands of digits
        raise LineError("invalid_json", str(error)[:200]) from None
    # JSON can escape half a surrogate pair ("\\ud800"): that is no Unicode text, and no answer
    # could be written back as UTF-8
    if _SURROGATE_ESCAPE.search(text) and _has_surrogate(data):
        raise LineError("invalid_json", LONE_SURROGATE)
    return data


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _has_surrogate(value: Any) -> bool:
    """Whether any text in parsed JSON, key or value, holds half a surrogate pair."""
    if isinstance(value, str):
        return has_lone_surrogate(value)
    if isinstance(value, dict):
        return any(_has_surrogate(key) or _has_surrogate(item) for key, item in value.items())
    if isinstance(value, list):
        return any(_has_surrogate(item) for item in value)
    return False


def read_request(data: Any, source: str = "answers", *, lang: str = "en", knowledge=None) -> Request:
    """The request in one parsed line, with its answers read by the one reader of answers, in the
    request's language (else ``lang``) with the spellings of ``knowledge`` (else the shipped one)."""
    from ..answers.read import parse_answers

    if not isinstance(data, dict):
        raise LineError(
            "invalid_request", f"expected a JSON object, got {_json_type(data)}",
            [Problem(source=source, message="send an answers object, or {\"id\": ..., \"answers\": {...}}")],
        )
    request = Request(answers=None)
    answers = data
    if "answers" in data:  # the long form; an answers object never has this key
        from pydantic import ValidationError

        from ..answers.messages import problems_of
        from ..files.read import Document
        from ..schema import Request as RequestModel

        request.long_form = True
        request.id = data.get("id") if _valid_id(data.get("id")) else None
        try:
            envelope = RequestModel.model_validate(data)
        except ValidationError as error:
            problems = problems_of(error, Document(source=source, data=data), data, lang)
            raise LineError("invalid_request", "the request is not valid", problems, request.id) from None
        request.lang = envelope.lang
        answers = envelope.answers
    try:
        request.answers = parse_answers(answers, source=source, lang=request.lang or lang, knowledge=knowledge)
    except AdvisorError as error:
        raise LineError("invalid_answers", "the answers are not valid", error.problems, request.id) from None
    return request


def _valid_id(value: Any) -> bool:
    """Whether the id can be echoed (schema.RequestId), even when the rest of the request is wrong."""
    if isinstance(value, bool):
        return False
    return value is None or isinstance(value, int) or (isinstance(value, str) and len(value) <= 200)


def _json_type(value: Any) -> str:
    for kind, name in ((bool, "a boolean"), (dict, "an object"), (list, "an array"), (str, "text"), ((int, float), "a number")):
        if isinstance(value, kind):
            return name
    return "null"


def error_response(error: LineError, line: int) -> dict:
    """The error object of the protocol (schema: error)."""
    problems = [
        {key: value for key, value in (("field", p.field), ("message", p.message), ("hint", p.hint)) if value is not None}
        for p in error.problems
    ]
    return {"id": error.id, "error": {"code": error.code, "message": error.message, "line": line, "problems": problems}}
