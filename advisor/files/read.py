"""The one way data files come in: a file read safely, as a YAML or JSON document with positions.

``read_document`` parses YAML through PyYAML's safe loader with the advisor's checks (safe_yaml.py:
duplicate keys, keys that are not text, tags, anchors and aliases, deep nesting, numbers too long
to be answers) and documents over 1 MB, and records the line and column of every value. JSON (a
``.json`` file, or standard input that is a JSON document) is read as JSON (json_document.py), so
``1e1`` is a number as JSON says, with the same checks. ``validate`` (validate.py) turns pydantic's
errors into ``Problem``s that name the file, line, column and field, with a hint. Every problem
found is reported, sorted.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from ..errors import AdvisorError, Problem
from .document import Document, Loc
from .json_document import is_json, read_json
from .safe_yaml import parse_yaml
from .validate import clean_loc, validate

# what the readers of data files use, here or from the module that does that part
__all__ = [
    "MAX_BYTES", "UNREADABLE", "Document", "Loc", "clean_loc", "load_document", "read_bytes", "read_document",
    "read_text", "validate",
]

MAX_BYTES = 1_000_000

# the code of what this module refuses (`advisor check --list` documents them)
UNREADABLE = "unreadable"  # no file, not a regular file, too large, not UTF-8


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
        return read_json(text, source)
    data, positions = parse_yaml(text, source)
    return Document(source=source, data=data, positions=positions)


def load_document(path: str | Path) -> Document:
    """Read a file (or '-' for standard input) as a YAML or JSON document, by its name."""
    text, source = read_text(path)
    if str(path) == "-":  # standard input has no name: a JSON document is read as JSON
        return read_json(text, source) if is_json(text) else read_document(text, source)
    return read_document(text, source, as_json=str(path).lower().endswith(".json"))
