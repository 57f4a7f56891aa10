"""The save file: where it lives, that it is written after every answer and atomically, that an
interrupted questionnaire resumes to the same answers, and that a damaged or foreign file is
reported and left exactly as it was."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from questionnaire_keys import CTRL_C, DOWN, ENTER, ESC, SPACE, answers_of

from advisor.errors import AdvisorError
from advisor.questionnaire import state as saves

ALIGNMENT_AND_ENGAGEMENT = SPACE + DOWN + SPACE + ENTER
# goals, ranking (alignment first), active share, active frequency, passive share, strategy, name, size
FULL_RUN = [ALIGNMENT_AND_ENGAGEMENT, ENTER, DOWN + ENTER, DOWN + ENTER, DOWN * 2 + ENTER, DOWN + ENTER, "Example BV" + ENTER, "250" + ENTER]


@pytest.fixture
def state_file(state_home) -> Path:
    return saves.default_state_file()


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the XDG folders are Linux's (and other Unixes')")
def test_the_state_directory_follows_the_platform(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_STATE_HOME", "/var/x")
    assert saves.state_dir() == Path("/var/x/advisor")
    monkeypatch.delenv("XDG_STATE_HOME")
    assert saves.state_dir() == tmp_path / "home" / ".local" / "state" / "advisor"
    monkeypatch.setenv("XDG_STATE_HOME", "relative/path")
    assert saves.state_dir() == tmp_path / "home" / ".local" / "state" / "advisor"


def test_every_platform_gets_its_own_place(monkeypatch):
    """Not ~/.local/state on macOS or Windows: the platform's own folder, as platformdirs knows it."""
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_state_dir", lambda appname, appauthor=None: f"/platform/{appname}")
    assert saves.state_dir() == Path("/platform/advisor")


def test_answers_are_saved_after_every_question(ask, state_file):
    run = ask(*FULL_RUN[:4], CTRL_C, state_file=state_file)  # stopped at the share of readers
    assert isinstance(run.error, KeyboardInterrupt)
    saved = json.loads(state_file.read_text(encoding="utf-8"))
    assert saved["format"] == "advisor-questionnaire"
    assert saved["complete"] is False
    assert saved["next"] == "usage.passive_share"
    assert saved["answers"] == {
        "goals": ["alignment", "engagement"],
        "usage": {"active_share": "10-25", "active_frequency": "weekly"},
    }
    assert [p.name for p in state_file.parent.iterdir()] == [state_file.name]  # no temporary file left


def test_an_interrupted_questionnaire_resumes_to_the_same_answers(ask, state_file):
    uninterrupted = answers_of(ask(*FULL_RUN))  # not saved anywhere
    assert not state_file.exists()

    assert isinstance(ask(*FULL_RUN[:4], CTRL_C, state_file=state_file).error, KeyboardInterrupt)
    resumed = ask(*FULL_RUN[4:], state_file=state_file, resume=True)
    assert answers_of(resumed) == uninterrupted
    assert resumed.prompts == len(FULL_RUN) - 4  # it went on at the share of readers
    assert "Continuing where you stopped: 3 answers kept." in resumed.screen  # goals, share, frequency


def test_going_back_after_resuming_shows_the_saved_answer(ask, state_file):
    ask(*FULL_RUN[:4], CTRL_C, state_file=state_file)
    # back from the share of readers to the frequency (saved: weekly), one down: monthly
    run = ask(ESC, DOWN + ENTER, *FULL_RUN[4:], state_file=state_file, resume=True)
    assert answers_of(run)["usage"]["active_frequency"] == "monthly"


def test_resuming_preselects_the_saved_band(ask, state_file):
    ask(*FULL_RUN[:4], CTRL_C, state_file=state_file)
    saved = json.loads(state_file.read_text(encoding="utf-8"))
    saved["answers"]["usage"]["active_share"] = "25-50"  # as the questionnaire records "25 to 50%"
    state_file.write_text(json.dumps(saved), encoding="utf-8")
    # back twice, to the share of posters: Enter keeps what is pointed at, the saved band (and
    # the saved frequency after it)
    run = ask(ESC, ESC, ENTER, ENTER, *FULL_RUN[4:], state_file=state_file, resume=True)
    assert answers_of(run)["usage"]["active_share"] == "25-50"


def test_a_finished_questionnaire_resumes_to_its_answers_without_asking(ask, state_file):
    first = answers_of(ask(*FULL_RUN, state_file=state_file))
    again = ask(state_file=state_file, resume=True)
    assert answers_of(again) == first
    assert again.prompts == 0


def test_nothing_to_resume(ask, state_file):
    run = ask(state_file=state_file, resume=True)
    assert isinstance(run.error, AdvisorError)
    assert "no unfinished questionnaire to resume" in str(run.error)


DAMAGED = {
    "not json": ('{"format": "advisor-questionnaire", "answers": {', "not valid JSON"),
    "empty": ("", "not valid JSON"),
    "foreign": ('{"name": "someone else\'s file"}', "not a save file of the advisor questionnaire"),
    "a list": ("[1, 2, 3]", "not a save file of the advisor questionnaire"),
    "newer": ('{"format": "advisor-questionnaire", "version": 99}', "saved by a newer advisor"),
    "no goals": (
        '{"format": "advisor-questionnaire", "version": 1, "saved_at": "", "lang": "en", "knowledge_version": "",'
        ' "complete": false, "next": null, "answers": {}}',
        "no goals saved",
    ),
    "bad lang": (
        '{"format": "advisor-questionnaire", "version": 1, "saved_at": "", "lang": "fr", "knowledge_version": "",'
        ' "complete": false, "next": null, "answers": {"goals": ["alignment"]}}',
        "lang: the questionnaire's save file is damaged",
    ),
}


@pytest.mark.parametrize("resume", [True, False], ids=["resume", "start-afresh"])
@pytest.mark.parametrize("name", DAMAGED)
def test_a_damaged_or_foreign_save_file_is_reported_and_left_untouched(ask, state_file, name, resume):
    text, message = DAMAGED[name]
    state_file.parent.mkdir(parents=True)
    state_file.write_text(text, encoding="utf-8")
    os.utime(state_file, (1_000_000_000, 1_000_000_000))
    run = ask(SPACE + ENTER, ENTER, ENTER, ENTER, ENTER, state_file=state_file, resume=resume)
    assert isinstance(run.error, AdvisorError)
    rendered = run.error.render()
    assert message in rendered
    assert str(state_file) in rendered
    assert "move it away or delete it" in rendered
    assert run.prompts == 0  # refused before asking anything
    assert state_file.read_text(encoding="utf-8") == text
    assert state_file.stat().st_mtime == 1_000_000_000


def test_an_invalid_saved_answer_names_its_line(ask, state_file):
    ask(*FULL_RUN[:4], CTRL_C, state_file=state_file)
    text = state_file.read_text(encoding="utf-8").replace('"active_share": "10-25"', '"active_share": 150')
    state_file.write_text(text, encoding="utf-8")
    run = ask(state_file=state_file, resume=True)
    assert isinstance(run.error, AdvisorError)
    problem = run.error.problems[0]
    assert problem.field == "answers.usage.active_share"
    assert text.splitlines()[problem.line - 1].strip().startswith('"active_share": 150')
    assert state_file.read_text(encoding="utf-8") == text


def test_a_failed_write_keeps_the_previous_save(state_file, monkeypatch):
    progress = saves.Progress(lang="en", answers={"goals": ["alignment"]}, next="usage.active_share")
    saves.save(state_file, progress)
    before = state_file.read_bytes()

    def broken_replace(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    progress.answers["usage.active_share"] = 15
    with pytest.raises(AdvisorError, match="cannot save the answers here: No space left on device"):
        saves.save(state_file, progress)
    assert state_file.read_bytes() == before
    assert [p.name for p in state_file.parent.iterdir()] == [state_file.name]


def test_the_save_file_round_trips(state_file):
    progress = saves.Progress(
        lang="nl",
        answers={"goals": ["engagement"], "usage.passive_share": 40, "organisation.name": None},
        next="organisation.employees",
        knowledge_version="x",
    )
    saves.save(state_file, progress)
    loaded = saves.peek(state_file)
    assert (loaded.lang, loaded.answers, loaded.next, loaded.complete) == ("nl", progress.answers, progress.next, False)
    if os.name == "posix":
        assert state_file.parent.stat().st_mode & 0o077 == 0  # private to the user
