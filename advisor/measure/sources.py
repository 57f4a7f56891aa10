"""Opening an export as a stream of records, whatever its container: CSV (any of , ; or tab, a
UTF-8 byte-order mark, CRLF), newline-delimited JSON, or Graph's JSON answer {"value": [...]};
each of them gzipped or not. Records are read one at a time and never held: memory stays flat
however large the file."""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import json
import re
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from ..errors import AdvisorError, Problem
from .text import printable
from .words import w

CHUNK = 1 << 20  # characters read at a time from a JSON document
MAX_HEADER = 1 << 20  # a CSV header line longer than this is not a header
MAX_ITEM = 16 << 20  # one item of a JSON document larger than this is not a person's figures
_FIRST_KEY = re.compile(r'\s*\{\s*"((?:[^"\\]|\\.)*)"')
_SPACE = re.compile(r"[ \t\n\r]*")


@dataclass
class Source:
    path: Path
    name: str  # the file's name, safe to show
    container: str  # csv, ndjson or graph-json
    header: tuple[str, ...]  # the CSV header, or the keys of the first JSON record
    records: Iterator[tuple[int | None, int, Any]]  # (line or None, row number from 1, record)


@contextmanager
def open_source(path: str | Path, lang: str = "en") -> Iterator[Source]:
    """The export at path as a Source; an AdvisorError when it cannot be read at all."""
    path = Path(path)
    name = printable(path.name) or printable(str(path))
    container = _container(path, name, lang)
    stream = _open_text(path, name, lang)
    try:
        with _read_errors(name, lang):
            if container == "csv":
                header, records = _csv(stream, name, lang)
            elif container == "ndjson":
                header, records = _peeked(_ndjson(stream))
            else:
                header, records = _peeked(_graph_json(stream, name, lang))
        yield Source(path=path, name=name, container=container, header=header, records=_guarded(records, name, lang))
    finally:
        stream.close()


def _open_text(path: Path, name: str, lang: str) -> io.TextIOWrapper:
    try:
        with open(path, "rb") as raw:
            gzipped = raw.read(2) == b"\x1f\x8b"
        binary = gzip.open(path, "rb") if gzipped else open(path, "rb")
    except FileNotFoundError:
        raise AdvisorError(Problem(source=name, message=w(lang, "source.missing"), hint=w(lang, "source.missing.hint"))) from None
    except IsADirectoryError:
        raise AdvisorError(Problem(source=name, message=w(lang, "source.directory"))) from None
    except OSError as error:
        raise AdvisorError(Problem(source=name, message=w(lang, "source.unreadable", error=error.strerror or error))) from None
    # utf-8-sig drops the byte-order mark admin-centre exports may carry; newline="" keeps CRLF
    # for the csv module, which reads it as a line end (and keeps it inside quoted cells)
    return io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")


def _container(path: Path, name: str, lang: str) -> str:
    """csv, ndjson or graph-json, from the first characters: Graph's JSON answer opens with its
    "@odata.context" or "value" key, a line of member analytics with a field of its own."""
    stream = _open_text(path, name, lang)
    try:
        with _read_errors(name, lang):
            start = stream.read(65536)
    finally:
        stream.close()
    if not start.strip():
        raise AdvisorError(Problem(source=name, message=w(lang, "source.empty"), hint=w(lang, "source.again")))
    match = _FIRST_KEY.match(start)
    if match is None:
        return "csv"
    key = match.group(1)
    return "graph-json" if key == "value" or key.startswith("@odata") else "ndjson"


def _csv(stream: io.TextIOWrapper, name: str, lang: str):
    first = stream.readline(MAX_HEADER)
    if len(first) >= MAX_HEADER:
        raise AdvisorError(Problem(source=name, line=1, message=w(lang, "source.long_header")))
    # the separator is the one the header uses most: , from the admin centre, ; from Excel in
    # a Dutch locale, a tab from some tools
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(itertools.chain([first], stream), delimiter=delimiter)
    header = tuple(cell.strip() for cell in next(reader))

    def records():
        number = 0
        for row in reader:
            if not row or (not row[0] and not any(cell.strip() for cell in row)):
                continue  # a blank line, or a row of empty cells (left by spreadsheets)
            number += 1
            yield reader.line_num, number, row

    return header, records()


def _ndjson(stream: io.TextIOWrapper):
    number = 0
    for line_number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        number += 1
        try:
            record = json.loads(line)
        except ValueError:
            record = None  # reported by the row reader as a bad row: the run may go on
        yield line_number, number, record


def _graph_json(stream: io.TextIOWrapper, name: str, lang: str):
    """The items of the "value" list of {"@odata.context": ..., "value": [...], ...}, one at a time."""
    reader = _JsonReader(stream, name, lang)
    reader.expect("{")
    found = False
    if reader.peek() == "}":
        reader.take()
    else:
        while True:
            key = reader.value()
            reader.expect(":")
            if key == "value":
                found = True
                reader.expect("[")
                number = 0
                if reader.peek() == "]":
                    reader.take()
                else:
                    while True:
                        number += 1
                        yield None, number, reader.value()
                        if reader.take() == "]":
                            break
                        reader.back(",")
            else:
                reader.value()  # @odata.context, @odata.nextLink: not needed
            if reader.take() == "}":
                break
            reader.back(",")
    if not found:
        raise AdvisorError(Problem(source=name, message=w(lang, "source.no_value"), hint=w(lang, "source.again")))


class _JsonReader:
    """Just enough of a streaming JSON reader for one object holding one long list: each item is
    decoded by the json module from a buffer that holds little more than that item."""

    def __init__(self, stream: io.TextIOWrapper, name: str, lang: str):
        self.stream, self.name, self.lang = stream, name, lang
        self.buffer, self.pos, self.eof = "", 0, False
        self.decoder = json.JSONDecoder()
        self.last = ""

    def _more(self) -> bool:
        if self.eof:
            return False
        chunk = self.stream.read(CHUNK)
        if not chunk:
            self.eof = True
            return False
        self.buffer = self.buffer[self.pos :] + chunk
        self.pos = 0
        return True

    def peek(self) -> str:
        while True:
            self.pos = _SPACE.match(self.buffer, self.pos).end()
            if self.pos < len(self.buffer) or not self._more():
                return self.buffer[self.pos : self.pos + 1]

    def take(self) -> str:
        self.last = self.peek()
        self.pos += len(self.last)
        return self.last

    def expect(self, char: str) -> None:
        if self.take() != char:
            self.fail("source.json")

    def back(self, char: str) -> None:
        """The character just taken had to be char (a comma between items)."""
        if self.last != char:
            self.fail("source.json")

    def value(self) -> Any:
        self.peek()
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError:
                if len(self.buffer) - self.pos > MAX_ITEM:
                    self.fail("source.json_item")
                if not self._more():
                    self.fail("source.json")
                continue
            if end == len(self.buffer) and self._more():
                continue  # a number at the end of the buffer may go on in the next chunk
            self.pos = end
            return value

    def fail(self, key: str):
        message = w(self.lang, key, pos=self.pos)
        raise AdvisorError(Problem(source=self.name, message=message, hint=w(self.lang, "source.again")))


def _peeked(records: Iterator) -> tuple[tuple[str, ...], Iterator]:
    """The keys of the first JSON object as the header, and all records, that one included."""
    seen = []
    for item in records:
        seen.append(item)
        if isinstance(item[2], dict):
            return tuple(str(key) for key in item[2]), itertools.chain(seen, records)
        if len(seen) >= 100:
            break
    return (), itertools.chain(seen, records)


def _guarded(records: Iterator, name: str, lang: str) -> Iterator:
    with _read_errors(name, lang):
        yield from records


@contextmanager
def _read_errors(name: str, lang: str):
    """What can go wrong while reading a file, as one clear error (exit 2)."""
    try:
        yield
    except UnicodeDecodeError:
        raise AdvisorError(
            Problem(source=name, message=w(lang, "source.not_utf8"), hint=w(lang, "source.not_utf8.hint"))
        ) from None
    except csv.Error as error:
        raise AdvisorError(Problem(source=name, message=w(lang, "source.csv", error=error))) from None
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        message = w(lang, "source.gzip", error=error)
        raise AdvisorError(Problem(source=name, message=message, hint=w(lang, "source.gzip.hint"))) from None
    except OSError as error:
        raise AdvisorError(Problem(source=name, message=w(lang, "source.unreadable", error=error.strerror or error))) from None
