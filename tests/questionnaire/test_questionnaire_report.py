"""After the questions: the report on screen (the advice, then the usage chart), the Dutch source
quotes on request, and saving the report and the answers."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from prompt_toolkit.input import create_pipe_input
from questionnaire_keys import ANSI, DOWN, ENTER, ESC, UP, ScriptedInput, screen_output
from rich.console import Console

from advisor.questionnaire.chart import usage_chart
from advisor.questionnaire.prompts import Prompter
from advisor.questionnaire.report import offer, print_report
from advisor.reasoning.pipeline import advise
from advisor.schema import Answers

ANSWERS = {
    "goals": ["engagement", "alignment"],
    "usage": {"active_share": 8, "active_frequency": "weekly", "passive_share": "unknown"},
    "purposes": {"strategy_dialogue": "often"},
    "organisation": {"name": "Example BV", "employees": 1200},
}
QUOTES, REPORT, ANSWERS_FILE, DONE = "", DOWN, DOWN * 2, DOWN * 3


def _console() -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    return Console(file=buffer, width=110, no_color=True, highlight=False, emoji=False), buffer


@pytest.fixture
def answers():
    return Answers.model_validate(ANSWERS)


def test_the_report_is_the_advice_then_the_chart(knowledge, answers):
    advice = advise(answers, lang="en", knowledge=knowledge)
    console, buffer = _console()
    print_report(advice, answers, knowledge, console)
    text = buffer.getvalue()
    order = [
        "Adoption strategy for your internal social media (for Example BV)",
        "Engagement: Steer on reach and rhythm",  # one sentence per goal, in the person's order
        "Alignment with the strategy: Steer on active use",
        "1. ",  # recommendations in priority order, with their status
        "Practice (how organisations commonly do it; not a result of the study)",
        "Warnings",
        "Caveats",
        "Your usage now, against what your goals call for",
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    for rec in advice.recommendations:
        assert f"{rec.priority}. {rec.title}" in text
        assert f"[{'gap' if rec.status == 'gap' else 'sustain'}]" in text
    assert "“" not in text  # no source quotes unless asked for


def test_the_chart_marks_what_each_goal_steers_on(knowledge, answers):
    console, buffer = _console()
    console.print(usage_chart(answers, knowledge, "en"))
    rows = {line.split("  ")[0].strip(): line for line in buffer.getvalue().splitlines()}
    # columns: 1 Engagement, 2 Alignment; engagement steers on readers, alignment on active breadth
    assert "●" in rows["share of employees posting or reacting"] and "8%" in rows["share of employees posting or reacting"]
    assert "Weekly" in rows["how often they post or react"]
    assert "Don't know" in rows["share of employees reading"]
    assert "○" in rows["share of employees reading"]  # reading is not shown to help alignment
    assert "Often" in rows["dialogue about the strategy"]
    assert "sharing and developing ideas" not in rows  # neither steered on nor answered
    assert "1 Engagement  2 Alignment with the strategy" in buffer.getvalue()


def _offer(knowledge, answers, *chunks, lang="en"):
    advice = advise(answers, lang=lang, knowledge=knowledge)
    console, buffer = _console()
    output, screen = screen_output(columns=1000)  # wide: a long temporary path must not wrap mid-name
    with create_pipe_input() as pipe:
        script = ScriptedInput(pipe, chunks)
        offer(advice, answers, console, Prompter(lang, input=script, output=output))
    assert not script.chunks
    return advice, buffer.getvalue(), " ".join(ANSI.sub("", screen.getvalue()).split())  # unwrapped


def test_the_dutch_quotes_on_request(knowledge, answers):
    # the menu then points at the next thing not done yet (saving the report): Done is two down
    advice, text, _ = _offer(knowledge, answers, QUOTES + ENTER, DOWN * 2 + ENTER)
    assert "Sources: the study's own words (Dutch)" in text
    cited = {e.finding: e.quote for item in advice.recommendations + advice.warnings for e in item.evidence}
    for finding, quote in cited.items():
        assert finding in text
        assert quote[:40] in " ".join(text.split())


def test_saving_the_report_and_the_answers(knowledge, answers, tmp_path, monkeypatch, cli):
    monkeypatch.chdir(tmp_path)
    advice, _, screen = _offer(
        knowledge, answers, REPORT + ENTER, ENTER, ANSWERS_FILE + ENTER, "\x7f" * 12 + "mine.yaml" + ENTER, DONE + ENTER
    )
    report = (tmp_path / "advice.md").read_text(encoding="utf-8")
    assert report.startswith("# Adoption strategy for your internal social media")
    assert all(rec.title in report for rec in advice.recommendations)
    assert f"Saved: {tmp_path / 'advice.md'}" in screen

    result = cli("advise", "--answers", str(tmp_path / "mine.yaml"), "--format", "json")
    assert result.code == 0, result.err
    again = json.loads(result.out)
    assert [r["id"] for r in again["recommendations"]] == [r.id for r in advice.recommendations]
    assert again["goals"] == ["engagement", "alignment"]


def test_an_existing_file_is_replaced_only_when_confirmed(knowledge, answers, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "advies.md").write_text("keep me", encoding="utf-8")
    no, yes = ENTER, UP + ENTER  # "No" is the default
    _offer(knowledge, answers, REPORT + ENTER, ENTER, no, ENTER, yes, DONE + ENTER, lang="nl")
    assert (tmp_path / "advies.md").read_text(encoding="utf-8").startswith("# Adoptiestrategie")


def test_a_failed_save_says_why_and_asks_again(knowledge, answers, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    missing = str(Path("no") / "such" / "dir" / "advice.md")  # relative: the message must fit one line
    _, _, screen = _offer(
        knowledge, answers, REPORT + ENTER, "\x7f" * 9 + missing + ENTER, ESC, DONE + ENTER
    )
    assert f"Could not save {missing}: No such file or directory" in screen
    assert not (tmp_path / "advice.md").exists()  # Esc at the second try: nothing saved


def test_the_saved_report_escapes_the_organisation_name(knowledge, tmp_path, monkeypatch):
    from hostile_markdown import HOSTILE_TEXT, assert_inert_markdown

    monkeypatch.chdir(tmp_path)
    hostile = Answers.model_validate({**ANSWERS, "organisation": {"name": HOSTILE_TEXT[:200]}})
    _offer(knowledge, hostile, REPORT + ENTER, ENTER, DONE + ENTER)
    report = (tmp_path / "advice.md").read_text(encoding="utf-8")
    assert "[x](javascript:alert(1))" in assert_inert_markdown(report)  # shown as written
