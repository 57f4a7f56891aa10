"""`advisor workshop add FILE survey.csv`: a form tool's export, one response per row, read as
`advisor batch` reads it and added all at once, or not at all."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _responses(path):
    return json.loads(path.read_text(encoding="utf-8"))["responses"]


SURVEY = (
    "Timestamp,team,goals,usage.active_share,usage.active_frequency,purposes.ideas,organisation.name\n"
    "2025-03-01 10:02,Blue,alignment;engagement,8,weekly,often,Acme\n"
    "2025-03-01 10:05,,engagement,12,daily,never,Secret BV\n"
    "2025-03-01 10:09,,knowledge_sharing,20%,wekelijks,vaak,\n"
)


def test_a_csv_of_three_rows_becomes_three_responses(cli, workdir):
    cli("workshop", "new", "M")
    (workdir / "survey.csv").write_text(SURVEY, encoding="utf-8")
    result = cli("workshop", "add", "m.workshop.json", "survey.csv")
    assert result.code == 0, result.err
    assert "Added 3 responses from survey.csv; M now holds 3 in all." in result.err
    assert "ignored columns: Timestamp" in result.err
    responses = _responses(workdir / "m.workshop.json")
    assert len(responses) == 3
    named = [r for r in responses if r.get("team")]
    assert [r["team"] for r in named] == ["Blue"] and named[0]["answers"]["organisation"] == {"name": "Acme"}
    anonymous = [r["answers"] for r in responses if not r.get("team")]
    assert sorted(a["goals"][0] for a in anonymous) == ["engagement", "knowledge_sharing"]
    assert all("organisation" not in a for a in anonymous)  # no name kept for an anonymous response
    assert "Secret BV" not in (workdir / "m.workshop.json").read_text(encoding="utf-8")
    # the team column keeps the workshop's rule: a team answers once
    again = cli("workshop", "add", "m.workshop.json", "survey.csv")
    assert again.code == 2 and "survey.csv:2: team: team 'Blue' has answered already" in again.err
    assert len(_responses(workdir / "m.workshop.json")) == 3


@pytest.mark.parametrize("lang, expected", [
    ("en", ["bad.csv:3: usage.active_share: a share is a percentage", "Nothing added from bad.csv: 2 rows have a problem"]),
    ("nl", ["bad.csv:3: usage.active_share: een aandeel is een percentage", "Niets toegevoegd uit bad.csv: 2 rijen hebben een probleem"]),
])
def test_a_bad_row_adds_nothing_and_names_its_line_and_field(cli, workdir, lang, expected):
    cli("workshop", "new", "M", "--lang", lang)
    cli("workshop", "add", "m.workshop.json", "-", stdin="goals: [alignment]\n")
    before = (workdir / "m.workshop.json").read_bytes()
    (workdir / "bad.csv").write_text(
        "team,goals,active_share\nRed,alignment,8\nGreen,engagement,120\nRed,efficiency,5\n", encoding="utf-8"
    )
    result = cli("workshop", "add", "m.workshop.json", "bad.csv")
    assert result.code == 2 and "Traceback" not in result.err
    for text in expected:
        assert text in result.err
    assert "bad.csv:4: team: team 'Red'" in result.err  # named twice in the file
    assert (workdir / "m.workshop.json").read_bytes() == before


def test_json_lines_are_read_as_batch_reads_them(cli, workdir):
    cli("workshop", "new", "M")
    (workdir / "answers.jsonl").write_text(
        '{"goals": ["alignment"], "usage": {"active_share": 8}}\n\n'
        '{"id": "p2", "lang": "nl", "answers": {"goals": ["betrokkenheid"]}}\n',
        encoding="utf-8",
    )
    result = cli("workshop", "add", "m.workshop.json", "answers.jsonl")
    assert result.code == 0 and "Added 2 responses from answers.jsonl" in result.err
    assert sorted(r["answers"]["goals"][0] for r in _responses(workdir / "m.workshop.json")) == ["alignment", "engagement"]
    (workdir / "bad.jsonl").write_text('{"goals": ["alignment"]}\n{"goals": ["nothing"]}\n', encoding="utf-8")
    before = (workdir / "m.workshop.json").read_bytes()
    result = cli("workshop", "add", "m.workshop.json", "bad.jsonl")
    assert result.code == 2 and "bad.jsonl:2: goals" in result.err
    assert (workdir / "m.workshop.json").read_bytes() == before


def test_a_table_is_added_on_its_own_and_without_team_options(cli, workdir):
    cli("workshop", "new", "M")
    (workdir / "survey.csv").write_text(SURVEY, encoding="utf-8")
    (workdir / "one.yaml").write_text("goals: [alignment]\n", encoding="utf-8")
    mixed = cli("workshop", "add", "m.workshop.json", "survey.csv", "one.yaml")
    assert mixed.code == 2 and "add it on its own" in mixed.err
    team = cli("workshop", "add", "m.workshop.json", "survey.csv", "--team", "Ops")
    assert team.code == 2 and "team column" in team.err
    (workdir / "empty.csv").write_text("goals,team\n", encoding="utf-8")
    assert cli("workshop", "add", "m.workshop.json", "empty.csv").code == 2
    assert _responses(workdir / "m.workshop.json") == []
