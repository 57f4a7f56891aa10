"""The one way data files come in: a safe YAML reader and strict validation with positions.

``read_document`` parses YAML through PyYAML's safe loader, extended to reject duplicate keys,
keys that are not text, tags, anchors and aliases, deep nesting, numbers too long to be answers
and documents over 1 MB, and records the line and column of every value. JSON (a ``.json`` file,
or standard input that is a JSON document) is read as JSON, so ``1e1`` is a number as JSON says,
with the same checks; its positions come from the YAML parser when a problem needs them.
``validate`` turns pydantic's errors into ``Problem``s that name the file, line, column and
field, with a hint. Every problem found is reported, sorted.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, TypeVar

import yaml

from ..errors import AdvisorError, Problem

MAX_BYTES = 1_000_000
MAX_DEPTH = 32
# No answer or threshold needs more; Python itself refuses integers of over 4,300 digits.
MAX_NUMBER_CHARS = 100

Loc = tuple  # a path into a document: keys and list indices
# the codes of what this module refuses (`advisor check --list` documents them)
UNREADABLE = "unreadable"  # no file, not a regular file, too large, not UTF-8
INVALID = "invalid-yaml"  # not a YAML (or JSON) document the advisor reads
SCHEMA = "schema"  # a document that does not fit its model
M = TypeVar("M", bound="BaseModel")

if TYPE_CHECKING:  # pydantic loads with the first validation: reading the vocabulary does not need it
    from pydantic import BaseModel, ValidationError


@dataclass
class Document:
    source: str
    data: Any
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)  # loc -> (line, column)
    json_text: str | None = field(default=None, repr=False)  # JSON whose positions are found when needed

    def position(self, loc: Loc) -> tuple[int | None, int | None]:
        """The position of loc, or of its nearest enclosing value that has one."""
        if self.json_text is not None:
            self.positions, self.json_text = _json_positions(self.json_text), None
        loc = tuple(loc)
        while loc:
            if loc in self.positions:
                return self.positions[loc]
            loc = loc[:-1]
        return self.positions.get((), (None, None))

    def problem(
        self, loc: Loc, message: str, hint: str | None = None, *, code: str | None = None, id: str | None = None
    ) -> Problem:
        line, column = self.position(loc)
        return Problem(
            source=self.source, line=line, column=column, field=dotted(loc) or None, message=message, hint=hint,
            code=code, id=id,
        )


class _Checks:
    """Refuse duplicate keys (the other checks: see _walk)."""

    def construct_mapping(self, node, deep=False):
        seen: dict[Any, Any] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"duplicate key {key!r} (first at line {seen[key].line + 1})",
                    key_node.start_mark,
                )
            seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)


class _Loader(_Checks, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader, with libyaml's C parser where PyYAML has it (ten times faster); marks and
    therefore positions are the same either way."""


def read_bytes(path: str | Path) -> tuple[bytes, str]:
    """Read a file (or '-' for standard input), refusing oversized input and anything that is not
    a regular file (a FIFO would block forever, /dev/zero never ends) before reading it."""
    if str(path) == "-":
        source = "<stdin>"
        raw = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        source = str(path)
        try:
            status = os.stat(path)
            if stat.S_ISDIR(status.st_mode):
                raise IsADirectoryError
            if not stat.S_ISREG(status.st_mode):
                raise AdvisorError(
                    Problem(
                        source=source, message="not a regular file (a pipe, device or socket)",
                        hint="give the path of a file", code=UNREADABLE,
                    )
                )
            if status.st_size > MAX_BYTES:
                raise AdvisorError(_too_large(source))
            with open(path, "rb") as handle:
                raw = handle.read(MAX_BYTES + 1)
        except FileNotFoundError:
            raise AdvisorError(Problem(source=source, message="no such file", hint="check the path", code=UNREADABLE)) from None
        except IsADirectoryError:
            raise AdvisorError(Problem(source=source, message="is a directory, expected a file", code=UNREADABLE)) from None
        except OSError as error:
            raise AdvisorError(Problem(source=source, message=f"cannot read: {error.strerror}", code=UNREADABLE)) from None
    if len(raw) > MAX_BYTES:
        raise AdvisorError(_too_large(source))
    return raw, source


def _too_large(source: str) -> Problem:
    return Problem(source=source, message=f"larger than {MAX_BYTES:,} bytes", hint="answers files are small", code=UNREADABLE)


def read_text(path: str | Path) -> tuple[str, str]:
    """Read a file (or '-' for standard input) as UTF-8 text, refusing oversized input."""
    raw, source = read_bytes(path)
    try:
        return raw.decode("utf-8-sig"), source
    except UnicodeDecodeError as error:
        raise AdvisorError(
            Problem(
                source=source, message=f"not UTF-8 text (byte {error.start})", hint="save the file as UTF-8", code=UNREADABLE
            )
        ) from None


def read_document(text: str, source: str, *, as_json: bool = False) -> Document:
    """Parse YAML text (or JSON text, as JSON) into data plus the position of every value."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise AdvisorError(Problem(source=source, message=f"larger than {MAX_BYTES:,} bytes", code=UNREADABLE))
    if as_json:
        return _read_json(text, source)
    loader = None
    try:
        loader = _Loader(text)
        node = loader.get_single_node()
        positions: dict[Loc, tuple[int, int]] = {}
        if node is not None:
            # before constructing: refuses aliases, deep nesting, tags and values that cannot be read
            _walk(node, (), positions, set(), loader)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise AdvisorError(
            Problem(
                source=source,
                line=mark.line + 1 if mark else None,
                column=mark.column + 1 if mark else None,
                message=_yaml_message(error),
                hint=_yaml_hint(error),
                code=INVALID,
            )
        ) from None
    except yaml.reader.ReaderError as error:  # a control character: PyYAML gives an offset only
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        raise AdvisorError(
            Problem(
                source=source,
                line=line,
                column=column,
                message=f"control character #x{error.character:04x} is not allowed",
                hint="save the file as plain UTF-8 text",
                code=INVALID,
            )
        ) from None
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML marks nearly everything
        raise AdvisorError(Problem(source=source, message=str(error), code=INVALID)) from None
    except RecursionError:
        raise AdvisorError(Problem(source=source, message="nesting too deep", code=INVALID)) from None
    finally:
        if loader is not None:
            loader.dispose()
    return Document(source=source, data=data, positions=positions)


def load_document(path: str | Path) -> Document:
    text, source = read_text(path)
    if str(path) == "-":  # standard input has no name: a JSON document is read as JSON
        return _read_json(text, source) if _is_json(text) else read_document(text, source)
    return read_document(text, source, as_json=str(path).lower().endswith(".json"))


def _is_json(text: str) -> bool:
    if not text.lstrip().startswith("{"):
        return False
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False  # YAML (a flow mapping), or JSON with an error the YAML reader places better
    return True


def _read_json(text: str, source: str) -> Document:
    """JSON as JSON (RFC 8259), with the checks the YAML reader makes; for problems the JSON parser
    cannot place (a duplicate key, a number too long), the YAML reader gives the position."""
    try:
        data = json.loads(
            text, object_pairs_hook=_json_object, parse_constant=_json_constant,
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
        read_document(text.replace("\t", " "), source)  # raises the same problem, with its position
        raise AdvisorError(Problem(source=source, message=str(error), code=INVALID)) from None
    document = Document(source=source, data=data, json_text=text)
    problem = _json_problem(document, data, ())
    if problem is not None:
        raise AdvisorError(problem)
    return document


def _json_object(pairs: list[tuple[str, Any]]) -> dict:
    found: dict = {}
    for key, value in pairs:
        if key in found:
            raise ValueError(f"duplicate key {key!r}")
        found[key] = value
    return found


def _json_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _json_int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise ValueError(_LONG_NUMBER)
    return int(text)


def _json_float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise ValueError(_LONG_NUMBER)
    return float(text)


_LONG_NUMBER = f"a number of more than {MAX_NUMBER_CHARS} characters"


def _json_problem(document: Document, value: Any, loc: Loc) -> Problem | None:
    """Nesting deeper than MAX_DEPTH, and text that is not Unicode (a lone surrogate, "\\ud800")."""
    if len(loc) >= MAX_DEPTH:
        return document.problem(loc, f"nesting deeper than {MAX_DEPTH} levels", hint=_PLAIN_HINT, code=INVALID)
    if isinstance(value, str):
        return None if not _has_surrogate(value) else document.problem(loc, _SURROGATE, hint=_SURROGATE_HINT, code=INVALID)
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        if isinstance(key, str) and _has_surrogate(key):
            return document.problem(loc, _SURROGATE, hint=_SURROGATE_HINT, code=INVALID)
        problem = _json_problem(document, item, loc + (key,))
        if problem is not None:
            return problem
    return None


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= char <= "\udfff" for char in text)


_SURROGATE = "text with a lone surrogate (\\ud800-\\udfff) is not Unicode text"
_SURROGATE_HINT = "write the character itself, or both halves of its surrogate pair"
_PLAIN_HINT = "answers and knowledge files are plain, shallow documents"


def _json_positions(text: str) -> dict[Loc, tuple[int, int]]:
    """The positions of the values of a JSON document, from the YAML parser. Outside strings JSON's
    tabs are only spaces (inside them they must be escaped), so replacing them keeps every column."""
    positions: dict[Loc, tuple[int, int]] = {}
    loader = _Loader(text.replace("\t", " "))
    try:
        node = loader.get_single_node()
        if node is not None:
            _walk(node, (), positions, set(), None)
    except (yaml.YAMLError, RecursionError):
        pass  # what was found so far; a problem without a position is still reported
    finally:
        loader.dispose()
    return positions


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


def dotted(loc: Loc) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _walk(node: yaml.Node, loc: Loc, positions: dict, seen: set, loader: Any) -> None:
    """Record the position of every value; refuse anchors and aliases (an alias is a node met
    twice: an alias bomb never gets to expand), nesting deeper than MAX_DEPTH, keys that are not
    text, tags, and values that cannot be read (checked with ``loader``; None: positions only)."""
    if id(node) in seen:
        raise yaml.MarkedYAMLError(None, None, "anchors and aliases are not supported: write the value out", node.start_mark)
    if len(loc) >= MAX_DEPTH:
        raise yaml.MarkedYAMLError(None, None, f"nesting deeper than {MAX_DEPTH} levels", node.start_mark)
    seen.add(id(node))
    if loader is not None:
        _check_value(node, loader)
    positions[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if loader is not None:
                _check_key(key_node, loader)
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)
            _walk(value_node, loc + (key,), positions, seen, loader)
            # point at the key rather than the value: that is where people look for a field
            positions[loc + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, loc + (index,), positions, seen, loader)


_PLAIN_TAGS = {
    yaml.MappingNode: "tag:yaml.org,2002:map",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
}
_TEXT_TAG = "tag:yaml.org,2002:str"


def _check_value(node: yaml.Node, loader: Any) -> None:
    """Only what YAML reads without a tag is allowed (text, numbers, booleans, null, lists and
    mappings); a value is constructed here, where its position is known, so that one that cannot
    be read (a date such as 2001-13-45, a number of thousands of digits) is a clear error."""
    if isinstance(node, yaml.ScalarNode):
        plain = not node.style  # None from the Python parser, "" from libyaml
        expected = loader.resolve(yaml.ScalarNode, node.value, (plain, True))
    else:
        expected = _PLAIN_TAGS[type(node)]
    if node.tag != expected:
        raise yaml.MarkedYAMLError(
            None, None, f"tags such as !!python/object are not allowed (got {_short_tag(node.tag)})", node.start_mark
        )
    if isinstance(node, yaml.ScalarNode) and node.tag != _TEXT_TAG:
        if len(node.value) > MAX_NUMBER_CHARS:
            raise yaml.MarkedYAMLError(None, None, _LONG_NUMBER, node.start_mark)
        try:
            loader.construct_object(node)
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError):
            raise yaml.MarkedYAMLError(None, None, f"cannot read the value {node.value!r}", node.start_mark) from None


def _check_key(node: yaml.Node, loader: Any) -> None:
    if not isinstance(node, yaml.ScalarNode) or node.tag != _TEXT_TAG:
        shown = repr(node.value) if isinstance(node, yaml.ScalarNode) else "a list or mapping"
        raise yaml.MarkedYAMLError(None, None, f"keys must be text (got {shown})", node.start_mark)


def _short_tag(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag


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


def _yaml_message(error: yaml.MarkedYAMLError) -> str:
    if isinstance(error, yaml.constructor.ConstructorError) and "tag" in str(error.problem):
        return "tags such as !!python/object are not allowed (got " + str(error.problem).split("tag ")[-1] + ")"
    parts = [part for part in (error.context, error.problem) if part]
    return "; ".join(parts) if parts else "invalid YAML"


def _yaml_hint(error: yaml.MarkedYAMLError) -> str:
    text = str(error.problem)
    if "duplicate key" in text:
        return "each field may appear once: remove or rename one of them"
    if "tag" in text:
        return "write plain values: text, numbers and lists"
    if "alias" in text or "nesting" in text:
        return _PLAIN_HINT
    if "keys must be text" in text:
        return "put the key in quotes: YAML reads unquoted yes/no/on/off/true/false, numbers and dates as something else"
    if "cannot read the value" in text:
        return "put it in quotes if it is text"
    if "characters" in text:
        return "write a short number: shares are percentages from 0 to 100"
    return "check the indentation and quoting near this position"
