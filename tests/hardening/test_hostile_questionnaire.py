"""Hostile questionnaire save files and an unwritable place to save them: one clear error
(exit 2), the save file left as it is, and no question asked that could not be saved."""

from __future__ import annotations

import io
import json
import sys

import pytest
from hostile import assert_clean_error
from hostile_pty import run_to_the_end, spawn

from advisor.questionnaire.state import default_state_file

pexpect = pytest.importorskip("pexpect")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def save_file(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(sys, "stdin", _Terminal())  # the questionnaire needs a terminal
    path = default_state_file()
    path.parent.mkdir(parents=True)
    return path


def saved(**changes) -> dict:
    data = {
        "format": "advisor-questionnaire", "version": 1, "saved_at": "2026-11-02T10:00:00+00:00", "lang": "en",
        "knowledge_version": "", "complete": False, "next": "usage.active_share", "answers": {"goals": ["alignment"]},
    }
    return {**data, **changes}


DAMAGED = {
    "nested 100,000 deep": '{"a": ' * 100_000 + "1" + "}" * 100_000,
    "a number of 5,000 digits": json.dumps(saved()).replace('"alignment"]}', '"alignment"], "usage": {"active_share": 1' + "0" * 5000 + "}}"),
    # a day off the calendar's ends in any local time zone (they reach from -12:00 to +14:00)
    "saved in year 1, east of UTC": json.dumps(saved(saved_at="0001-01-01T00:00:00+23:59")),
    "saved in year 9999, west of UTC": json.dumps(saved(saved_at="9999-12-31T23:59:59-23:59")),
}


@pytest.mark.parametrize("text", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_save_file_is_reported_and_left_as_it_is(cli, save_file, text):
    save_file.write_text(text, encoding="utf-8")
    result = cli()
    assert_clean_error(result, str(save_file), "damaged")
    assert save_file.read_text(encoding="utf-8") == text


def test_a_save_format_that_is_not_a_number_is_damaged_not_newer(cli, save_file):
    text = json.dumps(saved(version="1"))
    save_file.write_text(text, encoding="utf-8")
    result = cli()
    assert_clean_error(result, f"{save_file}: version:", "damaged")
    assert "newer" not in result.err
    assert save_file.read_text(encoding="utf-8") == text


def test_an_unwritable_place_for_the_answers_stops_before_the_first_question(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")  # the state folder would have to be made inside a file
    status, shown, asked = run_to_the_end(pexpect, spawn(pexpect, [], tmp_path, XDG_STATE_HOME=str(blocked / "state")))
    assert (status, asked) == (2, False), shown
    assert "cannot save the answers here" in shown and "XDG_STATE_HOME" in shown
    assert "Traceback" not in shown and "internal error" not in shown
