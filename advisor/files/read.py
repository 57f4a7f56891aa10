"""The one way data files come in: a safe YAML reader and strict validation with positions.

``read_document`` parses YAML (and therefore JSON) through PyYAML's safe loader, extended to
reject duplicate keys, anchors and aliases, deep nesting and documents over 1 MB, and records
the line and column of every value. ``validate`` turns pydantic's errors into ``Problem``s that
name the file, line, column and field, with a hint. Every problem found is reported, sorted.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from ..errors import AdvisorError, Problem

MAX_BYTES = 1_000_000
MAX_DEPTH = 32

Loc = tuple  # a path into a document: keys and list indices
M = TypeVar("M", bound=BaseModel)


@dataclass
class Document:
    source: str
    data: Any
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)  # loc -> (line, column)

    def position(self, loc: Loc) -> tuple[int | None, int | None]:
        """The position of loc, or of its nearest enclosing value that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.positions:
                return self.positions[loc]
            loc = loc[:-1]
        return self.positions.get((), (None, None))

    def problem(self, loc: Loc, message: str, hint: str | None = None) -> Problem:
        line, column = self.position(loc)
        return Problem(
            source=self.source, line=line, column=column, field=dotted(loc) or None, message=message, hint=hint
        )


class _Checks:
    """Refuse duplicate keys and keys that are not plain values (the other checks: see _walk)."""

    def construct_mapping(self, node, deep=False):
        seen: dict[Any, Any] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise yaml.constructor.ConstructorError(
                    None, None, "keys must be plain text", key_node.start_mark
                )
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


def read_text(path: str | Path) -> tuple[str, str]:
    """Read a file (or '-' for standard input) as UTF-8 text, refusing oversized input."""
    if str(path) == "-":
        source = "<stdin>"
        raw = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        source = str(path)
        try:
            with open(path, "rb") as handle:
                raw = handle.read(MAX_BYTES + 1)
        except FileNotFoundError:
            raise AdvisorError(Problem(source=source, message="no such file", hint="check the path")) from None
        except IsADirectoryError:
            raise AdvisorError(Problem(source=source, message="is a directory, expected a file")) from None
        except OSError as error:
            raise AdvisorError(Problem(source=source, message=f"cannot read: {error.strerror}")) from None
    if len(raw) > MAX_BYTES:
        raise AdvisorError(
            Problem(source=source, message=f"larger than {MAX_BYTES:,} bytes", hint="answers files are small")
        )
    try:
        return raw.decode("utf-8-sig"), source
    except UnicodeDecodeError as error:
        raise AdvisorError(
            Problem(source=source, message=f"not UTF-8 text (byte {error.start})", hint="save the file as UTF-8")
        ) from None


def read_document(text: str, source: str) -> Document:
    """Parse YAML or JSON text into data plus the position of every value."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise AdvisorError(Problem(source=source, message=f"larger than {MAX_BYTES:,} bytes"))
    loader = None
    try:
        loader = _Loader(text)
        node = loader.get_single_node()
        positions: dict[Loc, tuple[int, int]] = {}
        if node is not None:
            _walk(node, (), positions, set())  # before constructing: refuses aliases and deep nesting
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
            )
        ) from None
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML marks nearly everything
        raise AdvisorError(Problem(source=source, message=str(error))) from None
    except RecursionError:
        raise AdvisorError(Problem(source=source, message="nesting too deep")) from None
    finally:
        if loader is not None:
            loader.dispose()
    return Document(source=source, data=data, positions=positions)


def load_document(path: str | Path) -> Document:
    text, source = read_text(path)
    return read_document(text, source)


def validate(model: type[M], document: Document, *, data: Any = None, prefix: Loc = ()) -> M:
    """Validate document data (or a part of it at prefix) against a model; raise all problems."""
    value = document.data if data is None else data
    if value is None:
        raise AdvisorError(document.problem(prefix, "empty document", hint="see README for the file format"))
    try:
        return model.model_validate(value)
    except ValidationError as error:
        raise AdvisorError(problems_from(error, document, prefix)) from None


def problems_from(error: ValidationError, document: Document, prefix: Loc = ()) -> list[Problem]:
    problems = []
    for item in error.errors(include_url=False):
        loc = prefix + _clean_loc(item["loc"])
        problems.append(document.problem(loc, _message(item), _hint(item)))
    # pydantic reports one error per union member; keep each (position, field, message) once
    return sorted(set(problems), key=lambda p: (p.line or 0, p.column or 0, p.field or "", p.message))


def dotted(loc: Loc) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _walk(node: yaml.Node, loc: Loc, positions: dict, seen: set) -> None:
    """Record the position of every value; refuse anchors and aliases (an alias is a node met
    twice: an alias bomb never gets to expand) and nesting deeper than MAX_DEPTH."""
    if id(node) in seen:
        raise yaml.MarkedYAMLError(None, None, "anchors and aliases are not supported: write the value out", node.start_mark)
    if len(loc) >= MAX_DEPTH:
        raise yaml.MarkedYAMLError(None, None, f"nesting deeper than {MAX_DEPTH} levels", node.start_mark)
    seen.add(id(node))
    positions[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            _walk(value_node, loc + (key,), positions, seen)
            # point at the key rather than the value: that is where people look for a field
            positions[loc + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, loc + (index,), positions, seen)


def _clean_loc(loc: tuple) -> Loc:
    """Drop pydantic's union and validator markers (e.g. 'float', 'literal['unknown']') from loc."""
    cleaned = []
    for part in loc:
        if isinstance(part, str) and ("[" in part or part in _TYPE_MARKERS or part.startswith("function-")):
            continue
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


def _hint(item: dict) -> str | None:
    kind = item["type"]
    value = item.get("input")
    if isinstance(value, bool):
        return "YAML reads unquoted yes/no/on/off/true/false as a boolean: put the text in quotes"
    if kind == "extra_forbidden":
        return "check the spelling; README lists every field"
    if kind == "missing":
        return "add it; README shows a complete example"
    if kind == "model_type" and isinstance(value, str) and (item.get("ctx") or {}).get("class_name") == "Text":
        return 'give the text in both languages: {en: "...", nl: "..."}'
    if kind == "literal_error":
        return None  # the message already lists the allowed values
    if kind == "too_short" and item["loc"][:1] == ("goals",):
        return "choose at least one goal: the study's advice is to decide the intended effect first"
    if kind in ("less_than_equal", "greater_than_equal"):
        return "shares are percentages of all employees, from 0 to 100 (or 'unknown')"
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
        return "answers and knowledge files are plain, shallow documents"
    return "check the indentation and quoting near this position"
