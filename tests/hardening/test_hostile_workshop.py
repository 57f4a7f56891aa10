"""Hostile workshop input and places: a write that would make the file unreadable, team names
the file cannot hold, a file name that names no team, a folder where nothing can be written.
Each is one clear error (exit 2), asked before any question, and the file stays readable."""

from __future__ import annotations

import datetime
import json
import os

import pytest
import yaml
from hostile import assert_clean_error
from hostile_pty import run_to_the_end, spawn

from advisor.render.json import dumps
from advisor.files.read import MAX_BYTES
from advisor.schema import Answers, Workshop, WorkshopResponse

pexpect = pytest.importorskip("pexpect")

CONTROL_NAME = "\x01" * 200  # written as \u0001: six bytes a character in the workshop file
ANSWERS = {"goals": ["engagement"], "usage": {"passive_share": 30}, "organisation": {"name": CONTROL_NAME}}


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    (tmp_path / "a.yaml").write_text(yaml.safe_dump({"goals": ["engagement"], "usage": {}}), encoding="utf-8")
    return tmp_path


def status(cli, path) -> dict:
    result = cli("workshop", "status", str(path), "--format", "json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_a_write_that_would_outgrow_what_the_advisor_reads_is_refused(cli, workdir):
    def workshop(count: int) -> str:
        responses = [
            WorkshopResponse(number=n, team=f"{n}" + "\x02" * 50, answers=Answers.model_validate(ANSWERS))
            for n in range(1, count + 1)
        ]
        made = Workshop(name="W", lang="en", created=datetime.date.today().isoformat(), responses=responses)
        return dumps(made.model_dump(mode="json", exclude_none=True))

    count = 1
    while len(workshop(count * 2).encode("utf-8")) < MAX_BYTES:
        count *= 2
    while len(workshop(count + 1).encode("utf-8")) < MAX_BYTES:  # as full as it can be, and readable
        count += 1
    path = workdir / "w.workshop.json"
    path.write_text(workshop(count), encoding="utf-8")
    assert count < 500 and status(cli, path)["responses"] == count
    big = workdir / "big.yaml"
    big.write_text(yaml.safe_dump(ANSWERS), encoding="utf-8")
    result = cli("workshop", "add", str(path), str(big), "--team", "\x02" * 59 + "x")
    assert_clean_error(result, "would grow beyond 1,000,000 bytes")
    assert status(cli, path)["responses"] == count  # still readable, nothing lost


@pytest.mark.parametrize("team", ["   ", "", "x" * 61], ids=["blank", "empty", "too long"])
def test_a_team_name_the_file_cannot_hold_is_refused_and_nothing_is_added(cli, workdir, team):
    cli("workshop", "new", "W")
    result = cli("workshop", "add", "w.workshop.json", "a.yaml", "--team", team)
    assert_clean_error(result, "a team name has 1 to 60 characters")
    assert status(cli, workdir / "w.workshop.json")["responses"] == 0


def test_collecting_for_a_team_name_the_file_cannot_hold_stops_before_the_first_question(cli, workdir):
    cli("workshop", "new", "W")
    child = spawn(pexpect, ["workshop", "collect", "w.workshop.json", "--team", "x" * 61], workdir,
                  XDG_STATE_HOME=str(workdir / "state"))
    code, shown, asked = run_to_the_end(pexpect, child)
    assert (code, asked) == (2, False), shown
    assert "a team name has 1 to 60 characters" in shown and "Traceback" not in shown


@pytest.mark.parametrize("name", [".yaml", ".hidden.yaml"])
def test_a_file_name_that_names_no_team_is_reported_and_the_others_are_added(cli, workdir, name):
    cli("workshop", "new", "W")
    (workdir / name).write_text((workdir / "a.yaml").read_text(), encoding="utf-8")
    result = cli("workshop", "add", "w.workshop.json", name, "a.yaml", "--team-from-filename")
    assert_clean_error(result, f"no team name in the file name {name!r}")
    teams = status(cli, workdir / "w.workshop.json")["teams"]
    assert [team["team"] for team in teams] == ["a"]


@pytest.mark.parametrize("command", [["new", "W", "--force"], ["add", "w.workshop.json", "a.yaml"], ["set", "w.workshop.json", "--min-group-size", "2"]])
def test_a_lock_that_cannot_be_made_is_a_clear_error(cli, workdir, command):
    cli("workshop", "new", "W")
    before = (workdir / "w.workshop.json").read_text(encoding="utf-8")
    lock = workdir / ".w.workshop.json.lock"
    lock.unlink()
    lock.mkdir()  # as a read-only folder would, even for root: the lock file cannot be opened
    result = cli("workshop", *command)
    assert_clean_error(result, ".w.workshop.json.lock: cannot write")
    assert (workdir / "w.workshop.json").read_text(encoding="utf-8") == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_a_clear_error(cli, workdir):
    cli("workshop", "new", "W")
    workdir.chmod(0o555)
    try:
        result = cli("workshop", "add", "w.workshop.json", "a.yaml")
    finally:
        workdir.chmod(0o755)
    assert_clean_error(result, "cannot write")
