"""The installed `advisor` in a real pseudo-terminal, answered with keys as a person would: in
English and in Dutch, checking the report on screen; and interrupted half-way with Ctrl-C, then
resumed with --resume, ending with the same answers and advice as the uninterrupted run.

The pty does not answer prompt_toolkit's cursor-position requests the way a terminal emulator
does, so PROMPT_TOOLKIT_NO_CPR=1 tells it not to ask.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

pexpect = pytest.importorskip("pexpect")
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

ADVISOR = Path(sys.executable).parent / "advisor"
UP, DOWN, ENTER, SPACE, CTRL_C = "\x1b[A", "\x1b[B", "\r", " ", "\x03"
ESCAPES = re.compile(r"\x1b(\[[0-9;?]*[a-zA-Z]|[()][0-9A-B]|[=>])")
COLOUR = re.compile(r"\x1b\[[0-9;]*?(?<![0-9])(3[0-8]|9[0-7])[;m]")  # a foreground colour (not bold, not a reset)
TIMEOUT = 30


class Terminal:
    """One run of the installed advisor in a pseudo-terminal."""

    def __init__(self, *args: str, home: Path, lang: str, colour: bool = True):
        assert ADVISOR.is_file(), f"the advisor console script is not installed next to {sys.executable}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
        env.update(XDG_STATE_HOME=str(home / "state"), LANG=lang, TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1")
        env.pop("NO_COLOR", None)
        if not colour:
            env["NO_COLOR"] = "1"
        self.transcript = io.StringIO()
        self.child = pexpect.spawn(
            str(ADVISOR), list(args), cwd=str(home), env=env, dimensions=(50, 120), encoding="utf-8", timeout=TIMEOUT
        )
        self.child.logfile_read = self.transcript

    def answer(self, prompt: str, keys: str) -> None:
        """Wait until the prompt is on screen, then type."""
        self.child.expect(prompt)
        self.child.send(keys)

    def finish(self) -> tuple[int, str]:
        self.child.expect(pexpect.EOF)
        self.child.close()
        return self.child.exitstatus, self.screen()

    def raw(self) -> str:
        return self.transcript.getvalue()

    def screen(self) -> str:
        """What was shown, without escape codes and with each line's spacing collapsed."""
        text = ESCAPES.sub("", self.transcript.getvalue()).replace("\r", "")
        return "\n".join(" ".join(line.split()) for line in text.splitlines())


def _flat(text: str) -> str:
    return "".join(text.split())


def _advice(path: Path, lang: str) -> dict:
    result = subprocess.run(
        [str(ADVISOR), "advise", "--answers", str(path), "--format", "json", "--lang", lang],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _answer_in_english(term: Terminal, *, until: str | None = None) -> None:
    """Alignment, then engagement; "25 to 50%" post or react, weekly; 45% read (typed); the strategy
    is never discussed; Example BV, 1200 employees. Stops before the question `until`."""
    steps = [
        ("contribute to\\?", SPACE + DOWN + SPACE + ENTER),
        ("matters most\\?", ENTER),
        ("posted or reacted on the platform", DOWN * 2 + ENTER),  # the band "25 to 50%"
        ("post or react on the platform do so", DOWN + ENTER),
        ("read posts or reactions", DOWN * 4 + ENTER),
        ("Percentage of employees", "45" + ENTER),
        ("strategy discussed", ENTER),
        ("Name of your organisation", "Example BV" + ENTER),
        ("Number of employees", "1200" + ENTER),
    ]
    for prompt, keys in steps:
        if until and prompt == until:
            return
        term.answer(prompt, keys)


def _save_answers_and_finish(term: Terminal, name: str) -> tuple[int, str]:
    term.answer("What next\\?", DOWN * 2 + ENTER)  # save the answers
    term.answer("Save as", "\x7f" * len("answers.yaml") + name + ENTER)
    term.answer("Saved: ", "")
    term.answer("What next\\?", DOWN * 3 + ENTER)  # done
    return term.finish()


def test_a_full_run_in_english(tmp_path):
    term = Terminal(home=tmp_path, lang="en_GB.UTF-8")
    _answer_in_english(term)
    code, screen = _save_answers_and_finish(term, "answers.yaml")
    assert code == 0
    assert COLOUR.search(term.raw())  # a terminal, and no NO_COLOR: colours on

    for line in (
        "? Which outcomes should your internal social media contribute to? 1. Alignment with the strategy, 2. Engagement",
        "Not asked, as no rule for Alignment with the strategy, Engagement reads it:",
        "? What share of your employees posted or reacted on the platform in the past month? 25 to 50%",
        "? What share of your employees read posts or reactions on the platform in the past month? 45%",
        "Share of employees posting or reacting: 25-50%",  # the report: the band as its range
        "Share of employees reading: 45%",
        "Adoption strategy for your internal social media (for Example BV)",
        "Alignment with the strategy: Steer on active use",
        "Engagement: Steer on reach and rhythm",
        "Practice (how organisations commonly do it; not a result of the study)",
        "Caveats",
        "Your usage now, against what your goals call for",
        "1 Alignment with the strategy 2 Engagement",
    ):
        assert line in screen

    advice = _advice(tmp_path / "answers.yaml", "en")
    assert advice["recommendations"], "these answers leave gaps"
    status = {"gap": "falls short", "sustain": "already strong"}
    for rec in advice["recommendations"]:
        assert f"{rec['priority']}. {rec['title']} · {status[rec['status']]}" in screen
    saved = yaml.safe_load((tmp_path / "answers.yaml").read_text(encoding="utf-8"))
    assert saved["goals"] == ["alignment", "engagement"]
    # the band picked is saved as the band, no figure made up for it; the typed number stays a number
    assert saved["usage"] == {"active_share": "25-50", "active_frequency": "weekly", "passive_share": 45, "passive_frequency": "unknown"}
    assert "35%" not in screen and "37.5" not in screen
    assert saved["organisation"] == {"name": "Example BV", "employees": 1200}


def test_a_full_run_in_dutch_with_the_sources(tmp_path):
    term = Terminal(home=tmp_path, lang="nl_NL.UTF-8", colour=False)
    term.answer("Aan welke uitkomsten", DOWN + SPACE + ENTER)  # engagement
    term.answer("die dat op het platform doen", DOWN * 4 + ENTER)  # weet ik niet
    term.answer("posts of reacties op het platform gelezen", ENTER)  # minder dan 25%
    term.answer("Naam van uw organisatie", ENTER)
    term.answer("Aantal medewerkers", ENTER)
    term.answer("Wat wilt u nu doen\\?", ENTER)  # the sources
    term.answer("Bronnen: de woorden van het onderzoek zelf", "")
    term.answer("Wat wilt u nu doen\\?", DOWN * 2 + ENTER)  # klaar (the pointer is on the report)
    code, screen = term.finish()
    assert code == 0
    assert not COLOUR.search(term.raw())  # NO_COLOR

    for line in (
        "? Hoe vaak posten of reageren de medewerkers die dat op het platform doen? Weet ik niet",
        "Adoptiestrategie voor uw interne social media",
        "Betrokkenheid: Stuur op bereik en ritme",
        "Aanbevelingen",
        "Praktijk (hoe organisaties het vaak aanpakken; geen uitkomst van het onderzoek)",
        "Waarschuwingen",
        "Uw gebruik nu, tegenover waar uw doelen om vragen",
    ):
        assert line in screen
    for english in ("Use arrow keys", "Cancelled by user", "done (", "Don't know", "Recommendations", "Practice ("):
        assert english not in screen

    answers = tmp_path / "given.yaml"
    answers.write_text(
        "goals: [engagement]\nusage: {active_frequency: unknown, passive_share: 15}\n", encoding="utf-8"
    )
    advice = _advice(answers, "nl")
    for rec in advice["recommendations"]:
        assert f"{rec['priority']}. {rec['title']}" in screen
        for evidence in rec["evidence"]:
            assert _flat(evidence["quote"]) in _flat(screen)  # the Dutch source text, on request


def test_interrupted_then_resumed_gives_the_same_advice(tmp_path):
    whole = Terminal(home=tmp_path, lang="en_GB.UTF-8")
    _answer_in_english(whole)
    code, whole_screen = _save_answers_and_finish(whole, "whole.yaml")
    assert code == 0

    stopped = Terminal(home=tmp_path, lang="en_GB.UTF-8")
    _answer_in_english(stopped, until="read posts or reactions")
    stopped.answer("read posts or reactions", CTRL_C)
    code, screen = stopped.finish()
    assert code == 130
    assert screen.count("Continue with:\nadvisor --resume") == 1  # the command on a line of its own
    assert screen.endswith("Stopped; your answers so far are saved. Continue with:\nadvisor --resume")
    assert "Traceback" not in screen and "Adoption strategy" not in screen

    resumed = Terminal("--resume", home=tmp_path, lang="en_GB.UTF-8")
    resumed.answer("Continuing where you stopped: 3 answers kept.", "")
    for prompt, keys in [
        ("read posts or reactions", DOWN * 4 + ENTER),
        ("Percentage of employees", "45" + ENTER),
        ("strategy discussed", ENTER),
        ("Name of your organisation", "Example BV" + ENTER),
        ("Number of employees", "1200" + ENTER),
    ]:
        resumed.answer(prompt, keys)
    code, resumed_screen = _save_answers_and_finish(resumed, "resumed.yaml")
    assert code == 0
    assert "contribute to?" not in resumed_screen.split("Continuing where you stopped")[1]  # not asked again

    whole_answers = yaml.safe_load((tmp_path / "whole.yaml").read_text(encoding="utf-8"))
    assert yaml.safe_load((tmp_path / "resumed.yaml").read_text(encoding="utf-8")) == whole_answers
    ids = [rec["id"] for rec in _advice(tmp_path / "whole.yaml", "en")["recommendations"]]
    assert [rec["id"] for rec in _advice(tmp_path / "resumed.yaml", "en")["recommendations"]] == ids

    def report(screen: str) -> str:
        return screen[screen.index("Adoption strategy for your internal social media") :].split("What next?")[0]

    assert report(resumed_screen) == report(whole_screen)


@pytest.mark.parametrize("choice, next_prompt", [(ENTER, "post or react on the platform do so"), (DOWN + ENTER, "contribute to\\?")])
def test_starting_again_offers_to_continue_the_unfinished_questionnaire(tmp_path, choice, next_prompt):
    stopped = Terminal(home=tmp_path, lang="en_GB.UTF-8", colour=False)
    _answer_in_english(stopped, until="post or react on the platform do so")
    stopped.answer("post or react on the platform do so", CTRL_C)
    assert stopped.finish()[0] == 130

    again = Terminal(home=tmp_path, lang="en_GB.UTF-8", colour=False)
    again.answer(r"You have an unfinished questionnaire, saved \d{4}-\d\d-\d\d \d\d:\d\d \(2 answers\)\. Continue it\?", choice)
    again.answer(next_prompt, CTRL_C)  # continued, or started afresh
    assert again.finish()[0] == 130


def test_with_standard_output_redirected_only_the_report_goes_there(tmp_path):
    """The questions stay on the terminal (standard error); the file gets the plain report."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k != "NO_COLOR"}
    env.update(XDG_STATE_HOME=str(tmp_path / "state"), LANG="en_GB.UTF-8", TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1")
    child = pexpect.spawn(
        "/bin/sh", ["-c", f'"{ADVISOR}" > report.txt'], cwd=str(tmp_path), env=env, encoding="utf-8", timeout=TIMEOUT
    )
    for prompt, keys in [
        ("contribute to\\?", DOWN * 3 + SPACE + ENTER),  # effectiveness
        ("find expertise", DOWN * 2 + ENTER),  # often
        ("Name of your organisation", ENTER),
        ("Number of employees", ENTER),
        ("What next\\?", DOWN * 3 + ENTER),
    ]:
        child.expect(prompt)
        child.send(keys)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    report = (tmp_path / "report.txt").read_text(encoding="utf-8")
    assert report.lstrip("─ ").startswith("Adoption strategy for your internal social media")
    assert "1. Keep using the platform to find expertise  · already strong" in report
    assert "Your usage now, against what your goals call for" in report
    assert "\x1b" not in report
    assert "contribute to?" not in report and "What next?" not in report
