"""Reading batch input: a CSV file, a JSON-lines file, or a folder of answers files.

Each yields ``Row``s: a row number, an id that names its advice file, and either the validated
answers or the problems that make the row invalid. A bad row never stops the reading; only a
file that cannot be read at all (missing, not UTF-8, no goals column) is an AdvisorError.

CSV columns (``advisor batch --template`` prints them), one respondent per row:
  id          optional; names the advice file (default: row-LINE)
  lang        optional; en or nl (default: --lang)
  goals       required; most important first, separated by ; , | or spaces
  usage.*     one column per usage answer of the vocabulary: a share is a percent of employees,
              0-100 ("8", "8.5", "8,5" and "8%" all work); a frequency daily, weekly, monthly or less
  purposes.*  one column per purpose: never, sometimes or often
  organisation.name, organisation.employees
              optional
Every cell is read by the one reader of answers (advisor/answers/normalise.py), as an answers
file is: labels in any language (Weekly, wekelijks, vaak) work too. An empty cell, or "unknown",
is an answer not known. The usage and purpose columns may also be named without their prefix
(active_share, ideas). Other columns are ignored, with a warning.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ..errors import AdvisorError, Problem
from ..i18n import LANGS
from ..vocabulary import ANSWER_KEYS
from .words import w

COLUMNS = ("id", "lang", "goals") + ANSWER_KEYS + ("organisation.name", "organisation.employees")
ALIASES = {key.split(".", 1)[1]: key for key in ANSWER_KEYS}
# The example row of --template; an answer of the vocabulary not named here gets an empty cell.
TEMPLATE_ROW = {
    "id": "respondent-001",
    "lang": "en",
    "goals": "alignment;engagement",
    "usage.active_share": "8",
    "usage.active_frequency": "weekly",
    "usage.passive_share": "45",
    "usage.passive_frequency": "weekly",
    "purposes.ideas": "never",
    "purposes.expertise": "sometimes",
    "purposes.processes": "never",
    "purposes.read_only": "often",
    "organisation.name": "Example BV",
    "organisation.employees": "1200",
}
ANSWERS_SUFFIXES = (".yaml", ".yml", ".json")
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
# Names an advice file may not have: the run's own summary files (summary.json, summary.md,
# index.html, results.csv, whatever the format), and the device names Windows reserves in any
# folder, with any extension.
RESERVED_IDS = frozenset(
    ["summary", "index", "results", "con", "prn", "aux", "nul"]
    + [f"{device}{number}" for device in ("com", "lpt") for number in range(10)]
)


@dataclass
class Row:
    number: int  # line of the CSV or JSON-lines file, or position of the file in the folder
    id: str  # names the advice file
    source: str
    answers: Any = None  # validated Answers, or None when the row is invalid
    lang: str | None = None
    problems: list[Problem] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)  # the cells of the extra columns asked for


@dataclass
class Input:
    kind: str  # csv, jsonl or folder
    path: Path
    total: int  # rows, counted before reading (for the progress bar)
    warnings: list[str] = field(default_factory=list)
    rows: Iterator[Row] = field(default_factory=lambda: iter(()))


def template() -> str:
    """A CSV header and one example row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerow([TEMPLATE_ROW.get(column, "") for column in COLUMNS])
    return out.getvalue()


def open_input(path: str | Path, *, lang: str = "en", knowledge=None, extra: tuple[str, ...] = ()) -> Input:
    """Look at the input and get ready to read it: by its kind, a folder or the file's suffix. Rows
    are read in their own language (a CSV lang column, a request's lang), else in ``lang``, with
    the spellings of ``knowledge`` (else the shipped one). The CSV columns named in ``extra`` (a
    workshop's team) are kept as they are, in each row's ``extra``, rather than ignored."""
    path = Path(path)
    reading = _Reading(lang, knowledge, extra)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in ANSWERS_SUFFIXES and not p.name.startswith("."))
        return Input("folder", path, len(files), rows=_folder_rows(files, reading))
    if not path.is_file():
        raise AdvisorError(Problem(source=str(path), message="no such file or folder", hint="check the path"))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _open_csv(path, reading)
    if suffix in (".jsonl", ".ndjson"):
        text = _read_text(path)
        lines = text.splitlines()
        return Input("jsonl", path, sum(1 for line in lines if line.strip()), rows=_jsonl_rows(path, lines, reading))
    raise AdvisorError(
        Problem(
            source=str(path),
            message="unknown kind of input",
            hint="give a .csv file, a .jsonl file (one answers object per line) or a folder of answers files",
        )
    )


@dataclass(frozen=True)
class _Reading:
    lang: str  # the run's language (--lang)
    knowledge: Any  # whose spellings the answers may use (None: the shipped knowledge)
    extra: tuple[str, ...] = ()  # CSV columns kept beside the answers


def _read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise AdvisorError(
            Problem(source=str(path), message=f"not UTF-8 text (byte {error.start})", hint="save the file as UTF-8 (e.g. 'CSV UTF-8')")
        ) from None
    except OSError as error:
        raise AdvisorError(Problem(source=str(path), message=f"cannot read: {error.strerror}")) from None


# --------------------------------------------------------------------------------------------
# CSV


def _open_csv(path: Path, reading: _Reading) -> Input:
    text = _read_text(path)
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader, None)
    if not header:
        raise AdvisorError(Problem(source=str(path), line=1, message="empty file", hint="advisor batch --template prints a header"))
    columns, warnings = _columns(header, str(path), reading)
    total = sum(1 for record in reader if any(cell.strip() for cell in record))
    rows = _csv_rows(path, text, delimiter, columns, reading)
    return Input("csv", path, total, warnings, rows)


def _columns(header: list[str], source: str, reading: _Reading) -> tuple[list[str | None], list[str]]:
    """The answer key (or extra column) of each column (None: ignored), and warnings about
    ignored columns."""
    columns: list[str | None] = []
    seen: dict[str, int] = {}
    ignored = []
    for index, name in enumerate(header, start=1):
        key = name.strip().lower()
        key = ALIASES.get(key, key)
        if key not in COLUMNS and key not in reading.extra:
            columns.append(None)
            if name.strip():
                ignored.append(name.strip())
            continue
        if key in seen:
            raise AdvisorError(
                Problem(source=source, line=1, column=index, field=key, message=w(reading.lang, "csv.twice", first=seen[key]))
            )
        seen[key] = index
        columns.append(key)
    if "goals" not in seen:
        raise AdvisorError(
            Problem(source=source, line=1, field="goals", message=w(reading.lang, "csv.no_goals"), hint=w(reading.lang, "csv.no_goals_hint"))
        )
    warnings = [f"{source}: {w(reading.lang, 'csv.ignored', columns=', '.join(ignored))}"] if ignored else []
    return columns, warnings


def _csv_rows(path: Path, text: str, delimiter: str, columns: list[str | None], reading: _Reading) -> Iterator[Row]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    next(reader)
    ids = _Ids(reading.lang)
    line = reader.line_num + 1
    for record in reader:
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in record):
            continue
        cells = {key: cell.strip() for key, cell in zip(columns, record) if key is not None}
        row = Row(start, cells.get("id", ""), str(path))
        if len(record) > len(columns):
            row.problems.append(
                _problem(row, None, w(reading.lang, "csv.cells", cells=len(record), header=len(columns)), w(reading.lang, "csv.cells_hint"))
            )
        document = _answers_from_cells(cells)
        row.lang = cells.get("lang") or None
        if row.lang is not None and row.lang not in LANGS:
            row.problems.append(
                _problem(row, "lang", w(reading.lang, "csv.lang", value=repr(row.lang)), w(reading.lang, "csv.lang_hint"))
            )
        row.extra = {key: cells[key] for key in reading.extra if key in cells}
        ids.assign(row, f"row-{start:05d}")
        _validate(row, document, reading)
        yield row


def _answers_from_cells(cells: dict[str, str]) -> dict:
    """The answers document of a row, its cells as typed: the reader reads them as it reads an
    answers file. An empty cell is not given (unknown)."""
    document: dict[str, Any] = {"goals": cells.get("goals", "")}
    for key, cell in cells.items():
        if "." in key and cell:
            section, name = key.split(".", 1)
            document.setdefault(section, {})[name] = cell
    return document


# --------------------------------------------------------------------------------------------
# JSON lines and folders


def _jsonl_rows(path: Path, lines: list[str], reading: _Reading) -> Iterator[Row]:
    from ..protocol.requests import LineError, parse_json, read_request

    ids = _Ids(reading.lang)
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        row = Row(number, "", str(path))
        try:
            request = read_request(parse_json(text.encode("utf-8")), source=str(path), lang=reading.lang, knowledge=reading.knowledge)
        except LineError as error:
            row.id = "" if error.id is None else str(error.id)
            row.problems = [_at_line(p, row, keep_index=True) for p in error.problems] or [_problem(row, None, error.message)]
            ids.assign(row, f"row-{number:05d}")
            yield row
            continue
        row.id, row.lang, row.answers = ("" if request.id is None else str(request.id)), request.lang, request.answers
        ids.assign(row, f"row-{number:05d}")
        if row.problems:
            row.answers = None
        yield row


def _folder_rows(files: list[Path], reading: _Reading) -> Iterator[Row]:
    from ..answers.read import load_answers

    ids = _Ids(reading.lang)
    for number, path in enumerate(files, start=1):
        row = Row(number, path.stem, str(path))
        try:
            row.answers = load_answers(path, lang=reading.lang, knowledge=reading.knowledge)
        except AdvisorError as error:
            row.problems = list(error.problems)
        ids.assign(row, f"file-{number:05d}")
        if row.problems:
            row.answers = None
        yield row


# --------------------------------------------------------------------------------------------
# Shared


class _Ids:
    """Turns row ids into safe, distinct file names; a repeated id makes the row invalid."""

    def __init__(self, lang: str = "en") -> None:
        self.first: dict[str, int] = {}
        self.lang = lang

    def assign(self, row: Row, default: str) -> None:
        given = row.id
        safe = _ID_UNSAFE.sub("_", given).strip("._")[:100] or default
        key = safe.casefold()  # advice files must differ on case-insensitive file systems too
        if key.split(".", 1)[0] in RESERVED_IDS:
            row.problems.append(
                _problem(row, "id", w(self.lang, "csv.id_reserved", id=repr(given or safe)), w(self.lang, "csv.id_reserved_hint"))
            )
        elif key in self.first:
            row.problems.append(
                _problem(row, "id", w(self.lang, "csv.id_repeats", id=repr(given or safe), row=self.first[key]), w(self.lang, "csv.id_repeats_hint"))
            )
        else:
            self.first[key] = row.number
        row.id = safe


def _validate(row: Row, document: dict, reading: _Reading) -> None:
    from ..answers.read import parse_answers

    try:
        answers = parse_answers(document, source=row.source, lang=row.lang if row.lang in LANGS else reading.lang, knowledge=reading.knowledge)
    except AdvisorError as error:
        row.problems.extend(_at_line(p, row) for p in error.problems)
        return
    if not row.problems:
        row.answers = answers


def _problem(row: Row, field: str | None, message: str, hint: str | None = None) -> Problem:
    return Problem(source=row.source, line=row.number, field=field, message=message, hint=hint)


def _at_line(problem: Problem, row: Row, keep_index: bool = False) -> Problem:
    """A problem with the answers of a row, placed on the row's line. In a CSV file, goals[1] is
    the goals column; a JSON line keeps the index."""
    field = problem.field
    if field and not keep_index:
        field = field.split("[", 1)[0]
    return Problem(source=row.source, line=row.number, field=field, message=problem.message, hint=problem.hint)
