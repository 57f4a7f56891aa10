"""`advisor` with no command, where no prompt is needed: without a terminal, with a damaged save
file, with nothing to resume. (The questionnaire in a real terminal: tests/e2e.)"""

from __future__ import annotations

import io
import sys

import pytest

from advisor.questionnaire.state import default_state_file


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def terminal_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", _Terminal())


@pytest.mark.parametrize(
    "argv, line",
    [
        ([], "advisor: the questionnaire needs a terminal; for answers in a file, use: advisor advise --answers FILE"),
        (["--resume"], "advisor: the questionnaire needs a terminal; for answers in a file, use: advisor advise --answers FILE"),
        (["--lang", "nl"], "advisor: de vragenlijst heeft een terminal nodig; voor antwoorden in een bestand: advisor advise --answers BESTAND"),
    ],
)
def test_without_a_terminal_one_line_points_to_advise(cli, argv, line):
    result = cli(*argv, stdin="goals: [alignment]\n")
    assert result.code == 2
    assert result.err.splitlines() == [line]
    assert result.out == ""


def test_a_damaged_save_file_stops_the_questionnaire_untouched(cli, terminal_stdin):
    path = default_state_file()
    path.parent.mkdir(parents=True)
    path.write_text("{ not json", encoding="utf-8")
    result = cli()
    assert result.code == 2
    assert f"{path}:1:3: the questionnaire's save file is damaged: not valid JSON" in result.err
    assert "hint: move it away or delete it to start afresh" in result.err
    assert "Traceback" not in result.err
    assert path.read_text(encoding="utf-8") == "{ not json"


def test_nothing_to_resume(cli, terminal_stdin):
    result = cli("--resume")
    assert result.code == 2
    assert "there is no unfinished questionnaire to resume" in result.err
    assert "hint: run advisor to start one" in result.err
    assert not default_state_file().exists()


def test_resume_belongs_to_the_questionnaire(cli, write_yaml):
    result = cli("--resume", "advise", "--answers", str(write_yaml({"goals": ["alignment"], "usage": {}})))
    assert result.code == 2
    assert "--resume continues the questionnaire: use it without a command" in result.err


def test_help_names_the_questionnaire_and_its_options(cli):
    result = cli("--help")
    assert result.code == 0
    assert "Without a command, advisor asks a short questionnaire" in " ".join(result.out.split())
    assert "--resume" in result.out and "--lang {en,nl}" in result.out


def test_a_language_before_the_command_reaches_it(cli, write_yaml):
    answers = write_yaml({"goals": ["alignment"], "usage": {"active_share": 5}})
    result = cli("--lang", "nl", "advise", "--answers", str(answers), "--format", "json")
    assert result.code == 0
    assert '"lang": "nl"' in result.out


def test_the_first_question_needs_neither_the_schema_nor_rich():
    """Start-up: the first question is drawn before pydantic and the knowledge base load (they
    load in the background; see advisor/questionnaire/preload.py and benchmarks/startup.py)."""
    import subprocess

    code = (
        "import sys\n"
        "import advisor.cli.commands.ask, advisor.questionnaire.flow, advisor.questionnaire.prompts\n"
        "from advisor.questionnaire.preload import goals_preview\n"
        "assert goals_preview('nl') is not None\n"
        "print([m for m in ('pydantic', 'durable', 'rich', 'advisor.knowledge.load') if m in sys.modules])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
