"""Text from files that reaches a terminal: an organisation name, team names (also from file
names) and unknown field names carrying escape sequences (ESC, OSC, 8-bit CSI), a bell and a
carriage return. They are shown as harmless characters, never obeyed."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
import yaml
from hostile import CONTROL, assert_no_control_characters

pexpect = pytest.importorskip("pexpect")

ADVISOR = Path(sys.executable).parent / "advisor"
# set the window title, clear the screen, 8-bit CSI for red, a bell and a carriage return
HOSTILE = "Evil\x1b]0;pwned\x07\x1b[2J\x9b31m\r\x07BV"


@pytest.fixture
def hostile_answers(tmp_path):
    path = tmp_path / "answers.yaml"
    answers = {"goals": ["engagement"], "usage": {"passive_share": 30}, "organisation": {"name": HOSTILE}}
    path.write_text(yaml.safe_dump(answers), encoding="utf-8")  # YAML escapes them: "\e]0;..."
    return path


def test_the_text_report_neutralises_an_organisation_name(cli, hostile_answers):
    result = cli("advise", "--answers", str(hostile_answers))
    assert result.code == 0, result.err
    assert "Evil" in result.out and "pwned" in result.out  # shown, as text
    assert_no_control_characters(result.out)


def test_an_unknown_field_name_in_an_error_is_neutralised(cli, tmp_path):
    path = tmp_path / "answers.json"
    name = "colour\x1b]0;pwned\x07\x9b31m\r"  # no "[": older versions dropped such names
    path.write_text(json.dumps({"goals": ["engagement"], "usage": {name: 1}}), encoding="utf-8")
    result = cli("advise", "--answers", str(path))
    assert result.code == 2 and "unknown field" in result.err and "pwned" in result.err
    assert_no_control_characters(result.err)


def test_a_team_named_from_a_hostile_file_name_is_neutralised(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    cli("workshop", "new", "W")
    name = "blue\x1b]0;pwned\x07\x1b[2J.yaml"
    (tmp_path / name).write_text(yaml.safe_dump({"goals": ["engagement"], "usage": {}}), encoding="utf-8")
    result = cli("workshop", "add", "w.workshop.json", name, "--team-from-filename")
    assert result.code == 0, result.err
    assert "pwned" in result.err
    assert_no_control_characters(result.err)


def test_presenting_neutralises_team_names(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    cli("workshop", "new", "W", "--min-group-size", "1", "--yes")
    answers = tmp_path / "a.yaml"
    answers.write_text(yaml.safe_dump({"goals": ["engagement"], "usage": {"passive_share": 30}}), encoding="utf-8")
    assert cli("workshop", "add", "w.workshop.json", str(answers), "--team", HOSTILE[:40]).code == 0
    result = cli("workshop", "present", "w.workshop.json", "--print")
    assert result.code == 0 and "pwned" in result.out
    assert_no_control_characters(result.out)


def test_workshop_status_on_a_terminal_neutralises_team_names(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cli("workshop", "new", "W")
    answers = tmp_path / "a.yaml"
    answers.write_text(yaml.safe_dump({"goals": ["engagement"], "usage": {}}), encoding="utf-8")
    assert cli("workshop", "add", "w.workshop.json", str(answers), "--team", HOSTILE[:40]).code == 0
    environment = dict(os.environ, NO_COLOR="1", TERM="xterm", XDG_STATE_HOME=str(tmp_path / "state"))
    child = pexpect.spawn(str(ADVISOR), ["workshop", "status", "w.workshop.json"], cwd=str(tmp_path), env=environment,
                          encoding="utf-8", timeout=60)
    child.expect(pexpect.EOF)
    child.close()
    screen = child.before.replace("\r\n", "\n")
    assert child.exitstatus == 0 and "pwned" in screen, screen
    assert CONTROL.search(screen) is None, repr(screen)
