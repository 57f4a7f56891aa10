"""`advisor batch` output: JSON lines, several processes, and how the files get into place."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from advisor.reasoning.pipeline import advise
from advisor.schema import Advice
from test_batch import summary_of, survey_csv


def files_of(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


def test_jsonl_is_one_line_per_advised_row_with_the_advice_advise_gives(cli, tmp_path):
    survey_csv(tmp_path / "in.csv", 60, bad_every=20)
    out = tmp_path / "out"
    assert cli("batch", str(tmp_path / "in.csv"), "--out", str(out), "--format", "jsonl", "--quiet").code == 0
    assert sorted(p.name for p in out.iterdir()) == ["advice.jsonl", "results.csv", "summary.json"]
    lines = (out / "advice.jsonl").read_text(encoding="utf-8").splitlines()
    summary = summary_of(out)
    assert summary.format == "jsonl" and len(lines) == summary.advised == 57 and summary.invalid == 3
    ids = [json.loads(line)["id"] for line in lines]
    results = (out / "results.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert ids == [row.split(",")[1] for row in results if ",advised," in row]
    first = json.loads(lines[0])
    advice = Advice.model_validate_json(json.dumps(first["advice"]))
    assert advice.recommendations or advice.warnings
    assert all("\n" not in line and line.startswith('{"id":') for line in lines)


def test_jsonl_advice_is_what_advise_gives(cli, tmp_path):
    answers = {"goals": ["engagement"], "usage": {"active_share": 12, "passive_share": 30}}
    (tmp_path / "in.jsonl").write_text(json.dumps({"id": "one", "answers": answers}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert cli("batch", str(tmp_path / "in.jsonl"), "--out", str(out), "--format", "jsonl", "--quiet").code == 0
    (line,) = (out / "advice.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(line) == {"id": "one", "advice": json.loads(advise(answers).model_dump_json())}


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_two_jobs_write_the_same_bytes_as_one(cli, tmp_path, fmt):
    survey_csv(tmp_path / "in.csv", 300, bad_every=25)
    one, two = tmp_path / "one", tmp_path / "two"
    assert cli("batch", str(tmp_path / "in.csv"), "--out", str(one), "--format", fmt, "--quiet").code == 0
    assert cli("batch", str(tmp_path / "in.csv"), "--out", str(two), "--format", fmt, "--jobs", "2", "--quiet").code == 0
    assert files_of(one) == files_of(two)
    assert len(files_of(one)) == (3 if fmt == "jsonl" else 288 + 2)


@pytest.mark.parametrize("jobs", ["0", "two", "-1"])
def test_jobs_must_be_a_positive_number(cli, tmp_path, jobs):
    result = cli("batch", "in.csv", "--out", str(tmp_path / "out"), "--jobs", jobs)
    assert result.code == 2 and "--jobs" in result.err and "Traceback" not in result.err


def test_a_new_out_folder_appears_only_when_complete(cli, tmp_path, monkeypatch):
    """Into a new folder, the files are written into a hidden one beside it, renamed into place
    at the end: a run that fails part way leaves no file under a final name, and no folder."""
    import advisor.batch.run as run

    survey_csv(tmp_path / "in.csv", 30, bad_every=100)
    out = tmp_path / "out"
    written = []
    real = run.advise_row

    def failing(advisor, row, fmt, lang):
        written.append(row.id)
        if len(written) == 20:
            raise KeyboardInterrupt
        return real(advisor, row, fmt, lang)

    monkeypatch.setattr(run, "advise_row", failing)
    assert cli("batch", str(tmp_path / "in.csv"), "--out", str(out), "--quiet").code == 130
    assert list(out.iterdir()) == []  # the folder the command made stays empty
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # and the hidden one is gone
    monkeypatch.setattr(run, "advise_row", real)
    assert cli("batch", str(tmp_path / "in.csv"), "--out", str(out), "--quiet").code == 0
    assert len(list(out.iterdir())) == 32


def test_the_hidden_folder_of_a_killed_run_is_removed_by_the_next(cli, tmp_path):
    import subprocess

    dead = subprocess.Popen(["true"])
    dead.wait()
    left = tmp_path / f".out.{dead.pid}.tmp"
    left.mkdir()
    (left / "a.json").write_text('{"half": ', encoding="utf-8")
    (tmp_path / "in.csv").write_text("id,goals\na,engagement\n", encoding="utf-8")
    assert cli("batch", str(tmp_path / "in.csv"), "--out", str(tmp_path / "out"), "--quiet").code == 0
    assert not left.exists() and (tmp_path / "out" / "a.json").is_file()


def test_into_a_folder_with_files_each_file_is_replaced_atomically(cli, tmp_path):
    (tmp_path / "in.csv").write_text("id,goals\na,engagement\nb,alignment\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    (out / "a.json").write_text("old", encoding="utf-8")
    assert cli("batch", str(tmp_path / "in.csv"), "--out", str(out), "--quiet").code == 0
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert json.loads((out / "a.json").read_text(encoding="utf-8"))["goals"] == ["engagement"]
    assert not [name for name in os.listdir(out) if name.startswith(".")]
