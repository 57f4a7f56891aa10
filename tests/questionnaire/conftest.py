"""Fixtures for the questionnaire tests: save files in a temporary state directory, and `ask`,
which runs the questionnaire with one chunk of keys per prompt (see questionnaire_keys.py)."""

from __future__ import annotations

import pytest
from prompt_toolkit.input import create_pipe_input
from questionnaire_keys import ANSI, Run, ScriptedInput, screen_output

from advisor.questionnaire import run_questionnaire


@pytest.fixture(autouse=True)
def state_home(tmp_path, monkeypatch):
    """Keep every test's save files in its own directory."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path / "state"


@pytest.fixture
def ask(knowledge, tmp_path):
    """ask(chunk, chunk, ..., lang=, knowledge=, state_file=, resume=, measurement=) -> Run.

    Each chunk answers one prompt. KeyboardInterrupt and AdvisorError are caught into Run.error.
    """

    def run(*chunks: str, lang="en", knowledge=knowledge, state_file=None, resume=False, columns=100, measurement=None) -> Run:
        output, buffer = screen_output(columns)
        result = Run()
        with create_pipe_input() as pipe:
            script = ScriptedInput(pipe, chunks)
            try:
                result.answers = run_questionnaire(
                    lang=lang, knowledge=knowledge, state_file=state_file, resume=resume, input=script, output=output,
                    measurement=measurement,
                )
            except (KeyboardInterrupt, Exception) as error:  # noqa: BLE001 - the test inspects it
                result.error = error
        result.screen = ANSI.sub("", buffer.getvalue()).replace("\r", "")
        result.left = script.chunks
        result.prompts = script.prompts
        return result

    return run
