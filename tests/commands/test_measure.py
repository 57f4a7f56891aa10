"""`advisor measure` as a manager uses it: a table to check at a glance (English or Dutch), a YAML
file to save, add goals to and give to `advisor advise --answers`, JSON for tools."""

from __future__ import annotations

import json

import yaml
from measure_exports import teams, viva_engage

# (name, User State, Posted, Read, Liked). Counted: the 4 Activated rows. Active: Anna 4, Bram 1 ->
# 2 of 4 = 50%, median (1 + 4) / 2 = 2.5 -> monthly. Readers: Anna 12, Bram 3, Cor 30 -> 3 of 4 = 75%,
# median 12 -> weekly. Liked: Cor -> 1 of 4 = 25%.
PEOPLE = [
    ("Anna", "Activated", 4, 12, 0),
    ("Bram", "Activated", 1, 3, 0),
    ("Cor", "Activated", 0, 30, 2),
    ("Dirk", "Activated", 0, 0, 0),
    ("Eva", "Suspended", 9, 9, 9),
]


def test_the_table_a_manager_checks(cli, tmp_path, wide_console):
    path = viva_engage(tmp_path / "engage.csv", PEOPLE)
    result = cli("measure", str(path))
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "Measured usage: Viva Engage · 30 days to 2024-05-31"
    table = [line.split() for line in lines[2:8]]
    assert table[0] == ["Figure", "Value", "Based", "on"]
    assert " ".join(table[1]) == "active (posted or replied) 50% 2 of 4 people"
    assert " ".join(table[2]) == "how often they post monthly median 2.5 per person in 30 days"
    assert " ".join(table[3]) == "readers 75% 3 of 4 people"
    assert " ".join(table[4]) == "how often they read weekly median 12 per person in 30 days"
    assert " ".join(table[5]) == "liked (not counted as active) 25% 1 of 4 people"
    assert "Counted: 4 people (User State Activated); left out: 1 suspended" in result.out
    assert "Date of the data: 2024-05-31" in result.out
    assert "Files: engage.csv (5 rows)" in result.out
    assert "heuristics, not findings of the study" in result.out
    assert "Purposes cannot be read from an export: they stay questions." in result.out


def test_the_table_in_dutch(cli, tmp_path):
    path = teams(tmp_path / "teams.csv", [("Tom", "False", 1, 0, 0), ("Ugo", "False", 0, 0, 3)])
    result = cli("measure", str(path), "--lang", "nl", "--employees", "1000")
    assert result.code == 0, result.err
    # 1 of 1,000 employees posted: 0.1%, written 0,1% in Dutch
    assert result.out.startswith("Gemeten gebruik: Microsoft Teams · 30 dagen tot en met 2024-05-31\n")
    assert "actief (plaatste of reageerde)" in result.out and "0,1%" in result.out
    assert "1 van de 1.000 mensen" in result.out
    assert "lezers" in result.out and "onbekend" in result.out and "niet in deze export" in result.out
    assert "de export beslaat 2 van de 1.000 medewerkers" in result.out
    assert "heuristieken, geen bevindingen van het onderzoek" in result.out


def test_save_add_goals_and_advise(cli, tmp_path):
    path = viva_engage(tmp_path / "engage.csv", PEOPLE)
    saved = tmp_path / "m.yaml"
    result = cli("measure", str(path), "--format", "yaml", "--out", str(saved), "--employees", "8")
    assert result.code == 0, result.err
    assert result.out == "" and f"advisor: measure: {saved}" in result.err
    text = saved.read_text(encoding="utf-8")
    assert text.startswith("# Usage measured from the platform's own export")
    data = yaml.safe_load(text)
    # 2 of 8 employees posted = 25%; 3 of 8 read = 37.5%
    assert data["usage"] == {"active_share": 25, "active_frequency": "monthly", "passive_share": 37.5, "passive_frequency": "weekly"}
    assert data["organisation"] == {"employees": 8}

    # without goals the answers are refused, and the message says what to add
    refused = cli("advise", "--answers", str(saved))
    assert refused.code == 2 and "goals: required field is missing" in refused.err

    # edited by hand, as a manager would: goals added at the top, a share corrected
    edited = tmp_path / "answers.yaml"
    edited.write_text("goals: [alignment, engagement]\n" + text.replace("passive_share: 37.5", "passive_share: 40"), encoding="utf-8")
    advice = cli("advise", "--answers", str(edited), "--format", "json")
    assert advice.code == 0, advice.err
    advice = json.loads(advice.out)
    assert advice["goals"] == ["alignment", "engagement"]
    assert advice["recommendations"]  # the measured usage gives advice like any answers
    # the advice carries the record of where its usage came from, and the share corrected by hand
    assert advice["measured"]["platform"] == "viva-engage"
    assert advice["measured"]["differences"] == [{"answer": "usage.passive_share", "measured": 37.5, "answered": 40, "used": "answered"}]


def test_json_is_an_answers_document_without_goals(cli, tmp_path):
    path = viva_engage(tmp_path / "engage.csv", PEOPLE)
    result = cli("measure", str(path), "--format", "json")
    data = json.loads(result.out)
    assert list(data) == ["usage", "measured"]
    from advisor.schema import Answers

    answers = Answers.model_validate({"goals": ["engagement"], **data})
    assert answers.usage.passive_share == 75
    assert answers.measured.people.counted == 4


def test_out_is_written_atomically_and_a_bad_target_is_a_clear_error(cli, tmp_path):
    path = viva_engage(tmp_path / "engage.csv", PEOPLE)
    result = cli("measure", str(path), "--out", str(tmp_path / "no" / "such" / "dir" / "m.txt"))
    assert result.code == 2 and "cannot write" in result.err and "Traceback" not in result.err
    assert [p.name for p in tmp_path.iterdir()] == ["engage.csv"]


def test_help_lists_the_options(cli):
    result = cli("measure", "--help")
    assert result.code == 0
    for option in ("--platform", "--employees", "--columns", "--likes-count-as-active", "--format", "--out", "--lang"):
        assert option in result.out


def test_the_api_is_one_call(tmp_path):
    from advisor.measure import measure_exports

    path = viva_engage(tmp_path / "engage.csv", PEOPLE)
    measurement = measure_exports([path], employees=8, likes_count_as_active=True)
    # With likes as active: Anna 4, Bram 1, Cor 0 + 2 = 2 -> 3 of 8 = 37.5%, median 2 -> monthly.
    assert measurement.usage == {"active_share": 37.5, "active_frequency": "monthly", "passive_share": 37.5, "passive_frequency": "weekly"}
    assert measurement.provenance.denominator.in_export == 4
    assert measurement.warnings == []
