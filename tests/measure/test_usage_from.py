"""Measured usage where the advice is used: `advise --usage-from`, `workshop add --usage-from` and
`batch --usage-from` (the questionnaire's is in tests/questionnaire). The export's figures replace
the answers' (the export wins, and a conflict is said); every report says the usage was measured,
with the period and the denominator, beside the correlation caveat; the advice JSON carries the
`measured` block."""

from __future__ import annotations

import html
import json

import pytest
import yaml
from measure_exports import teams, viva_engage

from advisor.reasoning.pipeline import advise
from advisor.schema import Advice

# Counted: 4 Activated (Eva suspended). Of 8 employees: active Anna, Bram = 25%, median 2.5 posts
# -> monthly; readers Anna, Bram, Cor = 37.5%, median 12 reads -> weekly.
PEOPLE = [
    ("Anna", "Activated", 4, 12, 0),
    ("Bram", "Activated", 1, 3, 0),
    ("Cor", "Activated", 0, 30, 2),
    ("Dirk", "Activated", 0, 0, 0),
    ("Eva", "Suspended", 9, 9, 9),
]
MEASURED = {"active_share": 25, "active_frequency": "monthly", "passive_share": 37.5, "passive_frequency": "weekly"}
ANSWERS = {"goals": ["alignment", "engagement"], "usage": {"active_share": 8, "passive_frequency": "weekly"}, "purposes": {"ideas": "never"}}


@pytest.fixture
def export(tmp_path):
    return str(viva_engage(tmp_path / "engage.csv", PEOPLE))


def test_the_export_replaces_the_answers_usage_and_the_advice_carries_the_measured_block(cli, write_yaml, export):
    answers = write_yaml(ANSWERS)
    result = cli("advise", "--answers", str(answers), "--usage-from", export, "--employees", "8", "--format", "json")
    assert result.code == 0, result.err
    advice = json.loads(result.out)
    Advice.model_validate(advice)
    expected = advise({**ANSWERS, "usage": MEASURED, "organisation": {"employees": 8}}).model_dump(mode="json")
    assert {k: v for k, v in advice.items() if k != "measured"} == {k: v for k, v in expected.items() if k != "measured"}
    measured = advice["measured"]
    assert measured["platform"] == "viva-engage" and measured["period"]["days"] == 30
    assert measured["denominator"] == {"people": 8, "source": "employees", "in_export": 4, "employees": 8, "note": measured["denominator"]["note"]}
    # the answers said 8%, the export 25%: the export wins, and says so; passive_frequency agreed
    assert measured["differences"] == [{"answer": "usage.active_share", "measured": 25, "answered": 8, "used": "measured"}]
    assert "share of employees posting or reacting: the answers said 8%, the export measured 25%; the advice uses the export's figure" in result.err


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_every_report_says_the_usage_was_measured_beside_the_correlation_caveat(cli, write_yaml, export, fmt, wide_console):
    result = cli("advise", "--answers", str(write_yaml(ANSWERS)), "--usage-from", export, "--format", fmt)
    assert result.code == 0, result.err
    text = " ".join(html.unescape(result.out).replace("\\", "").split())  # as a reader sees it
    line = (
        "The usage figures were measured, not estimated: from a Viva Engage export covering the 30 days up to "
        "2024-05-31; the shares are of the 4 people in the export."
    )
    assert line in text
    caveats = text.index("Caveats")
    assert caveats < text.index("Correlation, not causation", caveats) < text.index(line)  # in the caveats, after the correlation caveat
    assert "share of employees posting or reacting: the answers said 8%, the export measured 50%; the advice uses the export's figure" in text


def test_the_report_in_dutch(cli, write_yaml, export, wide_console):
    result = cli("advise", "--answers", str(write_yaml(ANSWERS)), "--usage-from", export, "--employees", "8", "--lang", "nl")
    assert result.code == 0, result.err
    text = " ".join(result.out.split())
    assert "De gebruikscijfers zijn gemeten, niet geschat: uit een export van Viva Engage over de 30 dagen tot en met 2024-05-31" in text
    assert "de aandelen zijn van 8 medewerkers, het opgegeven aantal (de export telt er 4)" in text
    assert "de antwoorden zeiden 8%, de export mat 25%" in result.err


def test_a_figure_the_export_cannot_measure_keeps_the_answer(cli, write_yaml, tmp_path, wide_console):
    export = teams(tmp_path / "teams.csv", [("Tom", "False", 1, 0, 0), ("Ugo", "False", 0, 0, 3)])
    answers = write_yaml({"goals": ["engagement"], "usage": {"passive_share": 45}})
    result = cli("advise", "--answers", str(answers), "--usage-from", str(export), "--format", "json")
    assert result.code == 0, result.err
    advice = json.loads(result.out)
    assert advice["measured"]["differences"] == [{"answer": "usage.passive_share", "measured": "unknown", "answered": 45, "used": "answered"}]
    text = " ".join(cli("advise", "--answers", str(answers), "--usage-from", str(export)).out.split())
    assert "share of employees reading: this export cannot measure it; the advice uses the answers' 45%" in text


def test_a_measured_file_corrected_by_hand_says_which_figure_was_corrected(cli, tmp_path, export):
    saved = tmp_path / "m.yaml"
    assert cli("measure", export, "--format", "yaml", "--out", str(saved)).code == 0
    text = saved.read_text(encoding="utf-8").replace("passive_share: 75", "passive_share: 60")
    (tmp_path / "answers.yaml").write_text("goals: [engagement]\n" + text, encoding="utf-8")
    advice = json.loads(cli("advise", "--answers", str(tmp_path / "answers.yaml"), "--format", "json").out)
    assert advice["measured"]["differences"] == [{"answer": "usage.passive_share", "measured": 75, "answered": 60, "used": "answered"}]


def test_estimated_usage_says_nothing_of_measuring(cli, write_yaml):
    result = cli("advise", "--answers", str(write_yaml(ANSWERS)), "--format", "json")
    assert "measured" not in json.loads(result.out)  # the advice of estimated usage is as it always was
    assert "measured" not in cli("advise", "--answers", str(write_yaml(ANSWERS))).out


def test_measure_options_need_usage_from_and_a_bad_export_writes_nothing(cli, write_yaml, tmp_path):
    answers = str(write_yaml(ANSWERS))
    alone = cli("advise", "--answers", answers, "--employees", "8")
    assert alone.code == 2 and "--employees goes with --usage-from" in alone.err
    bad = tmp_path / "notes.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    refused = cli("advise", "--answers", answers, "--usage-from", str(bad))
    assert refused.code == 2 and refused.out == "" and "notes.csv" in refused.err and "Traceback" not in refused.err


def test_workshop_add_measures_once_for_every_answers_file(cli, tmp_path, monkeypatch, export):
    monkeypatch.chdir(tmp_path)
    assert cli("workshop", "new", "M", "--min-group-size", "2").code == 0
    for team, share in (("blue", 8), ("red", 50)):
        (tmp_path / f"{team}.yaml").write_text(yaml.safe_dump({"goals": ["engagement"], "usage": {"active_share": share}}), encoding="utf-8")
    result = cli("workshop", "add", "m.workshop.json", "blue.yaml", "red.yaml", "--team-from-filename", "--usage-from", export)
    assert result.code == 0, result.err
    assert "blue.yaml: share of employees posting or reacting: the answers said 8%, the export measured 50%" in result.err
    assert "red.yaml:" not in result.err  # red said what the export measured (2 of the 4 people in it)
    workshop = json.loads((tmp_path / "m.workshop.json").read_text(encoding="utf-8"))
    for response in workshop["responses"]:
        assert response["answers"]["usage"]["active_share"] == 50 and response["answers"]["measured"]["platform"] == "viva-engage"
    handout = cli("workshop", "export", "m.workshop.json", "--format", "markdown")
    assert handout.code == 0, handout.err
    assert "The usage figures were measured, not estimated" in " ".join(handout.out.split())


def test_batch_measures_once_for_every_row(cli, tmp_path, export):
    rows = "id,goals,usage.active_share\nagrees,engagement,50\ndiffers,engagement,8\nbad,happiness,\n"
    (tmp_path / "in.csv").write_text(rows, encoding="utf-8")
    result = cli("batch", str(tmp_path / "in.csv"), "--out", str(tmp_path / "out"), "--usage-from", export, "--quiet")
    assert result.code == 0, result.err
    assert f"{tmp_path / 'in.csv'}:3: share of employees posting or reacting: the answers said 8%, the export measured 50%" in result.err
    assert "in.csv:2:" not in result.err
    for name in ("agrees", "differs"):
        advice = json.loads((tmp_path / "out" / f"{name}.json").read_text(encoding="utf-8"))
        assert advice["measured"]["platform"] == "viva-engage"
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["invalid"] == 1  # a row the reader refuses stays refused
