"""YAML read safely: PyYAML's safe loader with the advisor's checks, and the position of every value.

The loader refuses duplicate keys, keys that are not text, tags, anchors and aliases, nesting
deeper than MAX_DEPTH and numbers too long to be answers, each as a problem with its line and
column; the same walk over the parsed nodes gives the positions of a JSON document's values.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..errors import AdvisorError, Problem

MAX_DEPTH = 32
# No answer or threshold needs more; Python itself refuses integers of over 4,300 digits.
MAX_NUMBER_CHARS = 100

INVALID = "invalid-yaml"  # not a YAML (or JSON) document the advisor reads
LONG_NUMBER = f"a number of more than {MAX_NUMBER_CHARS} characters"
PLAIN_HINT = "answers and knowledge files are plain, shallow documents"


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


def parse_yaml(text: str, source: str) -> tuple[Any, dict[tuple, tuple[int, int]]]:
    """YAML text as data plus the (line, column) of every value; a problem as an AdvisorError."""
    loader = None
    try:
        loader = _Loader(text)
        node = loader.get_single_node()
        positions: dict[tuple, tuple[int, int]] = {}
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
    return data, positions


def json_positions(text: str) -> dict[tuple, tuple[int, int]]:
    """The positions of the values of a JSON document, from the YAML parser. Outside strings JSON's
    tabs are only spaces (inside them they must be escaped), so replacing them keeps every column."""
    positions: dict[tuple, tuple[int, int]] = {}
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


def _walk(node: yaml.Node, loc: tuple, positions: dict, seen: set, loader: Any) -> None:
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
            raise yaml.MarkedYAMLError(None, None, LONG_NUMBER, node.start_mark)
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
        return PLAIN_HINT
    if "keys must be text" in text:
        return "put the key in quotes: YAML reads unquoted yes/no/on/off/true/false, numbers and dates as something else"
    if "cannot read the value" in text:
        return "put it in quotes if it is text"
    if "characters" in text:
        return "write a short number: shares are percentages from 0 to 100"
    return "check the indentation and quoting near this position"
