"""`advisor --usage-from EXPORT`: the questionnaire starts with the usage measured, shows the
figures, and does not ask what the export answered, unless the manager chooses to correct it;
purposes stay questions. The answers, and the report, say the usage was measured."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from questionnaire_keys import DOWN, ENTER, ESC, SPACE, answers_of

from advisor.measure import measure_exports
from advisor.reasoning.pipeline import advise

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from measure_exports import viva_engage  # noqa: E402

# Counted: 4 Activated. Active: Anna, Bram -> 2 of 8 employees = 25%; readers: 3 of 8 = 37.5%.
PEOPLE = [
    ("Anna", "Activated", 4, 12, 0),
    ("Bram", "Activated", 1, 3, 0),
    ("Cor", "Activated", 0, 30, 2),
    ("Dirk", "Activated", 0, 0, 0),
]


def measurement(tmp_path):
    return measure_exports(viva_engage(tmp_path / "engage.csv", PEOPLE), employees=8)


def test_the_measured_figures_are_shown_and_their_questions_not_asked(ask, tmp_path):
    # alignment; use the measured figures; the dialogue question; no organisation name or size
    run = ask(SPACE + ENTER, ENTER, ENTER, ENTER, ENTER, measurement=measurement(tmp_path))
    answers = answers_of(run)
    assert answers["usage"] == {"active_share": 25, "active_frequency": "monthly", "passive_share": 37.5, "passive_frequency": "weekly"}
    assert answers["purposes"]["strategy_dialogue"] == "never"  # purposes stay questions
    assert answers["organisation"] == {"employees": 8}
    assert answers["measured"]["platform"] == "viva-engage" and "differences" not in answers["measured"]
    assert "Measured from a Viva Engage export covering the 30 days up to 2024-05-31, of 8 employees" in run.text
    assert "share of employees posting or reacting 25%" in run.text
    assert "What share of your employees posted or reacted" not in run.screen


def test_the_manager_may_correct_the_figures(ask, tmp_path):
    # alignment; correct them: the share is asked with the measured 25% filled in, typed as 30
    run = ask(SPACE + ENTER, DOWN + ENTER, ENTER, "\x7f\x7f30" + ENTER, ENTER, ENTER, ENTER, measurement=measurement(tmp_path))
    answers = answers_of(run)
    assert answers["usage"]["active_share"] == 30
    assert "What share of your employees posted or reacted" in run.screen
    advice = advise(run.answers)
    (difference,) = advice.measured.differences
    assert (difference.answer, difference.measured, difference.answered, difference.used) == ("usage.active_share", 25, 30, "answered")


def test_back_from_the_measured_figures_chooses_the_goals_again(ask, tmp_path):
    # alignment; Esc at the measured figures; engagement instead (unticked alignment); use them
    run = ask(SPACE + ENTER, ESC, SPACE + DOWN + SPACE + ENTER, ENTER, ENTER, ENTER, measurement=measurement(tmp_path))
    answers = answers_of(run)
    assert answers["goals"] == ["engagement"]
    assert answers["usage"]["active_frequency"] == "monthly"


def test_the_command_measures_first_and_refuses_an_export_it_cannot_read(cli, tmp_path, monkeypatch):
    bad = tmp_path / "notes.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    result = cli("--usage-from", str(bad))
    assert result.code == 2 and "notes.csv" in result.err and "Traceback" not in result.err


def test_usage_from_before_a_command_is_refused(cli, tmp_path):
    result = cli("--usage-from", "engage.csv", "advise", "--answers", "a.yaml")
    assert result.code == 2 and "--usage-from before a command starts the questionnaire" in result.err


def test_the_saved_progress_keeps_the_measurement(ask, tmp_path):
    state = tmp_path / "state.json"
    run = ask(SPACE + ENTER, ENTER, "\x03", state_file=state, measurement=measurement(tmp_path))
    assert isinstance(run.error, KeyboardInterrupt)
    saved = json.loads(state.read_text(encoding="utf-8"))
    assert saved["measured"]["use"] is True and saved["measured"]["usage"]["active_share"] == 25
    resumed = ask(ENTER, ENTER, ENTER, state_file=state, resume=True)
    answers = answers_of(resumed)
    assert answers["usage"]["active_share"] == 25 and answers["measured"]["platform"] == "viva-engage"


def test_a_damaged_measurement_in_the_save_file_is_reported_and_left_as_it_is(ask, tmp_path):
    state = tmp_path / "state.json"
    ask(SPACE + ENTER, ENTER, "\x03", state_file=state, measurement=measurement(tmp_path))
    saved = json.loads(state.read_text(encoding="utf-8"))
    saved["measured"]["provenance"]["platform"] = ["not", "a", "name"]
    state.write_text(json.dumps(saved), encoding="utf-8")
    before = state.read_bytes()
    run = ask(ENTER, state_file=state, resume=True)
    assert "measured.provenance.platform" in str(run.error) and state.read_bytes() == before
