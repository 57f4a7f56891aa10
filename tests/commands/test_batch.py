"""`advisor batch`: a survey's worth of answers in, one advice file per row and a summary out."""

from __future__ import annotations

import csv
import io
import json
import random
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from advisor.batch.inputs import COLUMNS
from advisor.batch.advising import render
from advisor.check.grid import combinations
from advisor.render.json import dumps
from advisor.reasoning.pipeline import advise
from advisor.schema import Advice, BatchSummary
from samples import EXAMPLE_ANSWERS

GOALS = ["alignment", "engagement", "efficiency", "effectiveness", "knowledge_sharing", "communication_satisfaction"]
FREQUENCIES = ["daily", "weekly", "monthly", "less", ""]
LEVELS = ["never", "sometimes", "often", ""]
# (column, bad value, field reported) for the rows that must be refused
BAD_CELLS = [
    ("usage.active_share", "lots", "usage.active_share"),
    ("usage.passive_share", "130", "usage.passive_share"),
    ("goals", "happiness", "goals"),
    ("goals", "", "goals"),
    ("usage.active_frequency", "hourly", "usage.active_frequency"),
    ("purposes.ideas", "always", "purposes.ideas"),
    ("lang", "de", "lang"),
    ("organisation.employees", "many", "organisation.employees"),
]


def survey_csv(path: Path, rows: int, bad_every: int, seed: int = 6) -> dict[int, str]:
    """A CSV like a survey export; every ``bad_every``-th row has one bad cell. Returns line -> field."""
    generator = random.Random(seed)
    bad: dict[int, str] = {}
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS + ("submitted_at",))
        for index in range(rows):
            line = index + 2
            goals = generator.sample(GOALS, generator.choice([1, 2, 3]))
            row = {
                "id": f"r{index:05d}",
                "lang": generator.choice(["", "en", "nl"]),
                "goals": ";".join(goals),
                "usage.active_share": generator.choice(["", str(generator.randint(0, 60)), f"{generator.uniform(0, 60):.1f}"]),
                "usage.active_frequency": generator.choice(FREQUENCIES),
                "usage.passive_share": generator.choice(["", str(generator.randint(10, 100))]),
                "usage.passive_frequency": generator.choice(FREQUENCIES),
                **{f"purposes.{p}": generator.choice(LEVELS) for p in ("ideas", "expertise", "processes", "strategy_dialogue", "read_only")},
                "organisation.name": generator.choice(["", "Gemeente Voorbeeld", "Example BV"]),
                "organisation.employees": generator.choice(["", "250", "1200"]),
            }
            if index % bad_every == bad_every - 1:
                column, value, field = BAD_CELLS[(index // bad_every) % len(BAD_CELLS)]
                row[column] = value
                bad[line] = field
            writer.writerow([row[c] for c in COLUMNS] + ["2026-11-01T10:00"])
    return bad


def run_batch(cli, *argv: str):
    result = cli("batch", *argv)
    return result


def summary_of(out: Path) -> BatchSummary:
    return BatchSummary.model_validate_json((out / "summary.json").read_text(encoding="utf-8"))


def test_a_survey_with_bad_rows_runs_through_and_counts_add_up(cli, tmp_path):
    # the 10,000-row survey of the benchmark (benchmarks/batch.py), at test size
    rows, bad_every = 2000, 97
    bad = survey_csv(tmp_path / "survey.csv", rows, bad_every)
    out = tmp_path / "advice"
    result = run_batch(cli, str(tmp_path / "survey.csv"), "--out", str(out))
    assert result.code == 0, result.err
    assert result.out == ""
    summary = summary_of(out)
    assert (summary.rows, summary.invalid, summary.advised) == (rows, len(bad), rows - len(bad))
    assert {(p.row, p.field) for p in summary.invalid_rows} == set(bad.items())
    assert all(p.line == p.row and p.source.endswith("survey.csv") for p in summary.invalid_rows)
    assert sum(summary.primary_recommendations.values()) == summary.advised - summary.without_recommendation
    advice_files = sorted(out.glob("r*.json"))
    assert len(advice_files) == summary.advised
    results = list(csv.DictReader(io.StringIO((out / "results.csv").read_text(encoding="utf-8"))))
    assert len(results) == rows
    assert Counter(r["status"] for r in results) == {"advised": summary.advised, "invalid": summary.invalid}
    assert Counter(r["primary_recommendation"] for r in results if r["primary_recommendation"]) == summary.primary_recommendations
    assert "ignored columns: submitted_at" in result.err
    assert "advisor: batch: 2,000/2,000 rows (100%)" in result.err  # not a terminal: plain lines
    assert f"{rows:,} rows: {rows - len(bad):,} advised, {len(bad)} invalid" in result.err


def test_each_advice_file_is_what_advise_writes(cli, tmp_path):
    survey_csv(tmp_path / "survey.csv", 40, bad_every=1000)
    out = tmp_path / "advice"
    assert run_batch(cli, str(tmp_path / "survey.csv"), "--out", str(out)).code == 0
    with (tmp_path / "survey.csv").open(encoding="utf-8") as handle:
        table = {row["id"]: row for row in csv.DictReader(handle)}
    for path in sorted(out.glob("r*.json"))[:12]:
        row = table[path.stem]
        advice = json.loads(path.read_text(encoding="utf-8"))
        answers_file = tmp_path / "answers.json"
        answers = {"goals": advice["goals"], "usage": {}, "purposes": {}}
        for key in COLUMNS[3:12]:
            section, name = key.split(".")
            value = row[key] or "unknown"
            answers[section][name] = float(value) if section == "usage" and value[0].isdigit() else value
        answers_file.write_text(json.dumps(answers), encoding="utf-8")
        expected = cli("advise", "--answers", str(answers_file), "--format", "json", "--lang", advice["lang"])
        assert path.read_text(encoding="utf-8") == expected.out


def test_the_fast_json_rendering_equals_the_canonical_one(knowledge):
    # batch writes advice with pydantic's serialiser; it must give the bytes jsonio.dumps gives
    for index, answers in enumerate(combinations(knowledge)):
        if index % 97:
            continue
        for lang in ("en", "nl"):
            advice = advise(answers, lang=lang, engine="python")
            assert render(advice, "json", None) == dumps(advice.model_dump(mode="json"))


def test_template_prints_a_header_and_a_row_that_batch_accepts(cli, tmp_path):
    result = cli("batch", "--template")
    assert result.code == 0
    header, example = list(csv.reader(io.StringIO(result.out)))
    assert tuple(header) == COLUMNS and len(example) == len(header)
    (tmp_path / "template.csv").write_text(result.out, encoding="utf-8")
    assert run_batch(cli, str(tmp_path / "template.csv"), "--out", str(tmp_path / "out")).code == 0
    summary = summary_of(tmp_path / "out")
    assert (summary.rows, summary.advised) == (1, 1)
    advice = Advice.model_validate_json((tmp_path / "out" / "respondent-001.json").read_text())
    # the example row is the example answers, with one purpose left empty: not known
    answers = {**EXAMPLE_ANSWERS, "purposes": {**EXAMPLE_ANSWERS["purposes"], "strategy_dialogue": "unknown"}}
    assert advice == advise(answers)
    assert [u.answer for u in advice.unknowns] == ["purposes.strategy_dialogue"]


def test_a_dutch_spreadsheet_export(cli, tmp_path):
    text = (
        "Goals;Active_Share;passive_share;ideas;Opmerking\n"
        "efficiency,knowledge_sharing;8,5;60%;nimmer\n"  # not a purpose level in any language
        "efficiency;12%;;often;\n"
    )
    (tmp_path / "enquete.csv").write_text(text, encoding="utf-8-sig")
    result = run_batch(cli, str(tmp_path / "enquete.csv"), "--out", str(tmp_path / "out"), "--lang", "nl")
    assert result.code == 0, result.err
    assert "Opmerking" in result.err
    summary = summary_of(tmp_path / "out")
    assert (summary.rows, summary.advised, summary.invalid) == (2, 1, 1)
    (problem,) = summary.invalid_rows
    assert (problem.row, problem.field) == (2, "purposes.ideas")
    advice = json.loads((tmp_path / "out" / "row-00003.json").read_text())
    assert advice["lang"] == "nl"
    assert advice == advise({"goals": ["efficiency"], "usage": {"active_share": 12}, "purposes": {"ideas": "often"}}, lang="nl").model_dump(mode="json")
    assert "8,5" not in result.err  # the decimal comma was read as a number


def test_duplicate_ids_and_ragged_rows_are_invalid_rows(cli, tmp_path):
    text = "id,goals,usage.active_share\nA,alignment,5\na,alignment,6\nb,alignment,7,extra\nc/d,alignment,8\n"
    (tmp_path / "in.csv").write_text(text, encoding="utf-8")
    assert run_batch(cli, str(tmp_path / "in.csv"), "--out", str(tmp_path / "out")).code == 0
    summary = summary_of(tmp_path / "out")
    assert [(p.row, p.field) for p in summary.invalid_rows] == [(3, "id"), (4, None)]
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json") if p.name != "summary.json") == ["A.json", "c_d.json"]


def test_json_lines_input(cli, tmp_path):
    lines = [
        json.dumps({"id": "team-a", "lang": "nl", "answers": EXAMPLE_ANSWERS}),
        "",
        json.dumps({"goals": ["efficiency"], "usage": {"active_share": 50}}),
        "{not json",
        json.dumps({"id": 7, "answers": {"goals": ["efficiency"], "usage": {"active_share": -1}}}),
    ]
    (tmp_path / "answers.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_batch(cli, str(tmp_path / "answers.jsonl"), "--out", str(tmp_path / "out"))
    assert result.code == 0, result.err
    summary = summary_of(tmp_path / "out")
    assert (summary.input_kind, summary.rows, summary.advised, summary.invalid) == ("jsonl", 4, 2, 2)
    assert [(p.row, p.id, p.field) for p in summary.invalid_rows] == [(4, "row-00004", None), (5, "7", "usage.active_share")]
    team = json.loads((tmp_path / "out" / "team-a.json").read_text())
    assert team == advise(EXAMPLE_ANSWERS, lang="nl").model_dump(mode="json")
    assert json.loads((tmp_path / "out" / "row-00003.json").read_text())["goals"] == ["efficiency"]


def test_a_folder_of_answers_files(cli, tmp_path):
    folder = tmp_path / "answers"
    folder.mkdir()
    (folder / "north.yaml").write_text("goals: [engagement]\nusage: {passive_share: 30}\n")
    (folder / "south.json").write_text(json.dumps(EXAMPLE_ANSWERS))
    (folder / "west.yaml").write_text("goals: [engagement]\nusage:\n  passive_share: lots\n")
    (folder / "notes.txt").write_text("not answers")
    result = run_batch(cli, str(folder), "--out", str(tmp_path / "out"), "--format", "markdown")
    assert result.code == 0, result.err
    summary = summary_of(tmp_path / "out")
    assert (summary.input_kind, summary.rows, summary.advised, summary.invalid) == ("folder", 3, 2, 1)
    (problem,) = summary.invalid_rows
    assert problem.id == "west" and problem.source.endswith("west.yaml") and problem.line == 3
    assert problem.field == "usage.passive_share"
    assert "west.yaml:3" in result.err
    south = (tmp_path / "out" / "south.md").read_text(encoding="utf-8")
    assert south.startswith("# Adoption strategy") and "Example BV" in south
    index = (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
    assert "[south](south.md)" in index and "| 3 |" in index


class _Tags(HTMLParser):
    VOID = {"meta", "br", "hr", "img", "link", "input"}

    def __init__(self):
        super().__init__()
        self.open: list[str] = []
        self.seen: Counter = Counter()
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.seen[tag] += 1
        self.attributes += attrs
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1] if self.open else None}>"
        self.open.pop()


def test_html_pages_are_self_contained_and_well_formed(cli, tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "x", "answers": EXAMPLE_ANSWERS}) + "\n{}\n", encoding="utf-8")
    assert run_batch(cli, str(tmp_path / "a.jsonl"), "--out", str(tmp_path / "out"), "--format", "html").code == 0
    for name in ("x.html", "index.html"):
        page = (tmp_path / "out" / name).read_text(encoding="utf-8")
        parser = _Tags()
        parser.feed(page)
        assert parser.open == [] and parser.seen["html"] == 1 and parser.seen["style"] == 1
        assert parser.seen["script"] == 0 and parser.seen["img"] == 0 and parser.seen["link"] == 0
        assert not [value for _, value in parser.attributes if value and ("//" in value or value.startswith("data:"))]
    advice_page = (tmp_path / "out" / "x.html").read_text(encoding="utf-8")
    assert "Get more employees posting and reacting" in advice_page and "Example BV" in advice_page
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert '<a href="x.html">x</a>' in index and "broaden-active-use" in index


def test_strict_exits_3_on_invalid_rows(cli, tmp_path):
    (tmp_path / "in.csv").write_text("goals,usage.active_share\nalignment,5\nalignment,500\n", encoding="utf-8")
    result = run_batch(cli, str(tmp_path / "in.csv"), "--out", str(tmp_path / "out"), "--strict")
    assert result.code == 3
    assert "in.csv:3: row 3: usage.active_share:" in result.err


def test_quiet_prints_only_the_closing_line(cli, tmp_path):
    (tmp_path / "in.csv").write_text("goals\nalignment\nnonsense\n", encoding="utf-8")
    result = run_batch(cli, str(tmp_path / "in.csv"), "--out", str(tmp_path / "out"), "--quiet")
    assert result.code == 0
    assert result.err.splitlines() == [f"advisor: 2 rows: 1 advised, 1 invalid; written to {tmp_path / 'out'}"]


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: p / "missing.csv", "no such file or folder"),
        (lambda p: (p / "a.txt").write_text("x") and p / "a.txt", "unknown kind of input"),
        (lambda p: (p / "b.csv").write_text("id,name\n1,x\n") and p / "b.csv", "no goals column"),
        (lambda p: (p / "c.csv").write_bytes(b"goals\nalignment\xff\n") and p / "c.csv", "not UTF-8"),
        (lambda p: (p / "d.csv").write_text("goals,goals\nalignment,alignment\n") and p / "d.csv", "column given twice"),
    ],
)
def test_inputs_that_cannot_be_read_at_all(cli, tmp_path, make, message):
    result = run_batch(cli, str(make(tmp_path)), "--out", str(tmp_path / "out"))
    assert result.code == 2
    assert message in result.err and "Traceback" not in result.err


@pytest.mark.parametrize(
    "name, content",
    [("empty.csv", ""), ("header.csv", "id,goals\n"), ("empty.jsonl", ""), ("blank.jsonl", "\n  \n"), ("folder", None)],
)
def test_one_rule_for_an_input_without_rows(cli, tmp_path, name, content):
    """An empty .csv was an error and an empty .jsonl "0 rows" (exit 0): nothing to advise is an
    error for every kind of input."""
    path = tmp_path / name
    if content is None:
        path.mkdir()
    else:
        path.write_text(content, encoding="utf-8")
    result = run_batch(cli, str(path), "--out", str(tmp_path / "out"))
    assert result.code == 2, result.err
    assert result.err.startswith(f"advisor: error: {path}") and "hint:" in result.err
    assert not (tmp_path / "out" / "summary.json").exists()


def test_input_and_out_are_needed(cli, tmp_path):
    assert run_batch(cli).code == 2
    assert run_batch(cli, str(tmp_path)).code == 2


def test_both_engines_write_the_same_files(cli, tmp_path):
    pytest.importorskip("durable.engine")
    survey_csv(tmp_path / "survey.csv", 150, bad_every=50)
    for engine in ("durable", "python"):
        assert run_batch(cli, str(tmp_path / "survey.csv"), "--out", str(tmp_path / engine), "--engine", engine, "--quiet").code == 0
    names = sorted(p.name for p in (tmp_path / "python").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "durable").iterdir())
    for name in names:
        durable, python = (tmp_path / "durable" / name).read_bytes(), (tmp_path / "python" / name).read_bytes()
        if name == "summary.json":
            durable, python = (json.loads(text) for text in (durable, python))
            assert (durable.pop("engine"), python.pop("engine")) == ("durable", "python")
        assert durable == python, name


def test_a_progress_bar_on_a_terminal_and_plain_lines_elsewhere():
    from advisor.cli.commands.batch import progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal, pipe = Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        with progress(20, "nl", stream=stream) as advance:
            for _ in range(20):
                advance()
    assert "adviseren" in terminal.getvalue() and "\x1b[" in terminal.getvalue()
    assert pipe.getvalue().splitlines()[0] == "advisor: batch: 2/20 rijen (10%)"
    assert len(pipe.getvalue().splitlines()) == 10 and "\x1b[" not in pipe.getvalue()


def test_a_file_that_cannot_be_written_stops_the_run_with_a_clear_error(cli, tmp_path):
    (tmp_path / "in.csv").write_text("id,goals\nfirst,alignment\nsecond,alignment\n", encoding="utf-8")
    out = tmp_path / "out"
    (out / "second.json").mkdir(parents=True)  # a directory where the advice file should go
    result = run_batch(cli, str(tmp_path / "in.csv"), "--out", str(out))
    assert result.code == 2
    assert "second.json" in result.err and "cannot write" in result.err and "Traceback" not in result.err
