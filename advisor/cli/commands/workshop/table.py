"""`advisor workshop add FILE survey.csv`: the responses a form tool collected, one per row.

The rows are read by the batch reader (advisor/batch/inputs.py, the CSV and JSON-lines formats of
`advisor batch`), each cell by the one reader of answers, and added in one locked, atomic write:
all of them, or, when any row has a problem, none. A CSV may name each row's team in a ``team``
column; a row without one is an anonymous response (stored without its organisation block, as
every anonymous response is). The ``id`` column names nothing in a workshop and is not stored.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ....errors import AdvisorError, ExitCode, Problem
from ....i18n import t, tn
from ....workshop import store

TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson")


def is_table(name: str) -> bool:
    """Whether an ANSWERS argument is a table of responses rather than one answers file."""
    return name != "-" and Path(name).suffix.lower() in TABLE_SUFFIXES


def add_table(args: argparse.Namespace, lang: str) -> int:
    from ....batch.inputs import open_input
    from ...options import measured_answers, measurement_from, say

    name = args.answers[0]
    if len(args.answers) > 1:
        raise AdvisorError(t(lang, "workshop.table_alone", file=name), hint=t(lang, "workshop.table_alone_hint"))
    if args.team is not None or args.team_from_filename:
        raise AdvisorError(t(lang, "workshop.table_team"), hint=t(lang, "workshop.table_team_hint"))
    measurement = measurement_from(args, lang)  # once: the usage of the organisation, for every row
    table = open_input(name, lang=lang, extra=("team",))
    for warning in table.warnings:
        say(f"advisor: {t(lang, 'measure.warning')}: {warning}")
    entries: list[store.Entry] = []
    problems: list[Problem] = []
    teams: dict[str, int] = {}  # a team's name (casefolded) -> the line that named it first
    rows = 0
    for row in table.rows:
        rows += 1
        problems += row.problems
        team = _team(row, lang, teams, problems)
        if row.answers is None or row.problems:
            continue
        where = f"{name}:{row.number}"
        answers = measured_answers(row.answers, measurement, lang, source=where) if measurement else row.answers
        entries.append(store.Entry(answers, team, source=where))
    if not rows:
        raise AdvisorError(Problem(source=name, message=t(lang, "workshop.table_empty"), hint=t(lang, "workshop.table_empty_hint")))
    if not problems:
        try:
            workshop, added, _ = store.add_entries(args.file, entries, replace=args.replace, all_or_none=True)
        except AdvisorError as error:  # a team that answered already, a full workshop
            problems = list(error.problems)
        else:
            total = len(workshop.responses)
            say(tn(lang, "workshop.table_added", len(added), added=len(added), file=name, total=total, name=workshop.name))
            return ExitCode.OK
    for problem in problems:
        say(f"advisor: {t(lang, 'error')}: {problem.render(t(lang, 'hint'))}")
    bad = len({(problem.source, problem.line) for problem in problems})  # the rows (or file) at fault
    say(tn(lang, "workshop.table_refused", bad, file=name, rows=bad))
    return ExitCode.USAGE


def _team(row, lang: str, teams: dict[str, int], problems: list[Problem]) -> str | None:
    """The team a row names in its team column (None: anonymous); a name the workshop would
    refuse, or one named by an earlier row of the file, is a problem of this row."""
    cell = row.extra.get("team", "")
    if not cell.strip():
        return None
    try:
        team = store.team_name(cell, lang)
    except AdvisorError as error:
        problems += [Problem(source=row.source, line=row.number, field="team", message=p.message, hint=p.hint) for p in error.problems]
        return None
    first = teams.setdefault(team.casefold(), row.number)
    if first != row.number:
        problems.append(
            Problem(
                source=row.source, line=row.number, field="team",
                message=t(lang, "workshop.team_twice", team=team, line=first), hint=t(lang, "workshop.team_twice_hint"),
            )
        )
    return team
