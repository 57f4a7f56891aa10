"""After the questions: the report on screen (the advice, then the usage chart), the Dutch source
quotes on request, and saving the report and the answers."""

from __future__ import annotations

import datetime
import io
import json
import re
from pathlib import Path

import pytest
from prompt_toolkit.input import create_pipe_input
from questionnaire_keys import ANSI, DOWN, ENTER, ESC, UP, ScriptedInput, screen_output
from rich.console import Console

from advisor.render.chart import usage_chart
from advisor.i18n import t
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


def test_the_report_starts_with_what_to_do_then_the_detail(knowledge, answers):
    advice = advise(answers, lang="en", knowledge=knowledge)
    console, buffer = _console()
    print_report(advice, answers, knowledge, console)
    text = buffer.getvalue()
    lines = [" ".join(line.split()) for line in text.splitlines()]
    top = [rec for rec in advice.recommendations][:3]
    order = [
        "Adoption strategy for your internal social media (for Example BV)",
        "In short",
        "Your goals: 1. Engagement, 2. Alignment with the strategy",
        "What to do first",
        *(f"{rec.priority}. {rec.title} (" for rec in top),  # one line each, with where use stands
        "Based on your answers of ",
        "Strategy",
        "Engagement: Steer on reach and rhythm",  # one sentence per goal, in the person's order
        "Alignment with the strategy: Steer on active use",
        "Your usage now, against what your goals call for",
        "Recommendations",
        "1. ",  # recommendations in priority order, with their status
        "Practice (how organisations commonly do it; not a result of the study)",
        "Warnings",
        "Caveats",
        "What this advice is based on",
    ]
    positions = []
    for part in order:
        positions.append(text.index(part, positions[-1] if positions else 0))
    assert positions == sorted(positions)
    summary = lines[: next(i for i, line in enumerate(lines) if line == "Strategy")]
    for rec in top:  # each of the first three on one line of its own
        [line] = [line for line in summary if line.startswith(f"{rec.priority}. {rec.title}")]
        status = "falls short" if rec.status == "gap" else "already strong"
        assert line.endswith(f"({status}; authors' conclusion)" if rec.basis == "conclusion" else f"({status})")
    assert "106 organisations" in " ".join(summary) and "Evolve" in " ".join(summary)
    assert "“" not in text  # no source quotes unless asked for


def test_the_report_speaks_without_identifiers_unless_asked(knowledge, answers):
    advice = advise(answers, lang="en", knowledge=knowledge)
    ids = {rule for rec in advice.recommendations for rule in rec.rules}
    ids |= {e.finding for item in [*advice.recommendations, *advice.warnings, *advice.caveats] for e in item.evidence}
    plain, buffer = _console()
    print_report(advice, answers, knowledge, plain)
    text = buffer.getvalue()
    for jargon in sorted(ids) + ["[gap]", "[sustain]", "knowledge base", " × ", "Rules:"]:
        assert jargon not in text, jargon
    assert "falls short" in text and "already strong" in text
    assert t("en", "heuristics") in " ".join(text.split())  # the cut-offs are heuristics, once
    assert "Correlation, not causation" in text
    detailed, buffer = _console()
    print_report(advice, answers, knowledge, detailed, details=True)
    text = buffer.getvalue()
    for jargon in sorted(ids) + ["knowledge base", " × ", "Rules:"]:
        assert jargon in text, jargon


def test_only_communication_satisfaction_says_so_instead_of_an_empty_chart(knowledge):
    answers = Answers.model_validate({"goals": ["communication_satisfaction"], "usage": {}})
    advice = advise(answers, lang="en", knowledge=knowledge)
    console, buffer = _console()
    print_report(advice, answers, knowledge, console)
    text = " ".join(buffer.getvalue().split())
    chart = text.split("Your usage now, against what your goals call for", 1)[1].strip()
    assert chart.startswith("Nothing to chart: for Communication satisfaction the study names no use to steer on")
    assert "Now" not in chart.split("Recommendations")[0]  # no table


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
        try:
            offer(advice, answers, console, Prompter(lang, input=script, output=output), knowledge=knowledge)
        except KeyboardInterrupt:  # the scripted keys ran out: the offers asked more than the test expects
            pytest.fail("asked again after the scripted keys: " + " ".join(ANSI.sub("", screen.getvalue()).split())[-300:])
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


def test_the_saved_report_has_the_summary_the_chart_and_what_it_rests_on(knowledge, answers, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    advice, _, _ = _offer(knowledge, answers, REPORT + ENTER, ENTER, DONE + ENTER)
    report = (tmp_path / "advice.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", report, re.M)
    assert headings[:4] == ["In short", "Strategy", "Your usage now, against what your goals call for", "Recommendations"]
    assert headings[-1] == "What this advice is based on"
    short = report.split("## Strategy")[0]
    assert re.findall(r"^(\d)\. ", short, re.M) == ["1", "2", "3"]
    assert re.search(r"^\| share of employees posting or reacting \|  \| ● \| `█+░+` \| 8% \|$", report, re.M)
    assert re.search(r"^\| share of employees reading \| ● \| ○ \| `·+` \| Don't know \|$", report, re.M)
    based_on = report.split("## What this advice is based on")[1]
    today = datetime.date.today()
    assert f"{today.day} {today.strftime('%B')} {today.year}" in based_on  # the day the report was made
    assert "- Share of employees posting or reacting: 8%" in based_on  # the answers given
    assert "Evolve with the University of Amsterdam, 106 organisations" in based_on  # the study cited
    for rec in advice.recommendations:
        assert f"rules: {rec.rules[0]}" not in report.lower()
    assert "knowledge base" not in report


def test_a_second_save_in_the_same_folder_offers_a_free_name(knowledge, answers, tmp_path, monkeypatch):
    """Enter, Enter saves: an existing advice.md is never offered again (it used to loop)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "advies.md").write_text("keep me", encoding="utf-8")
    _, _, screen = _offer(knowledge, answers, REPORT + ENTER, ENTER, DONE + ENTER, lang="nl")
    assert (tmp_path / "advies.md").read_text(encoding="utf-8") == "keep me"
    assert (tmp_path / "advies-2.md").read_text(encoding="utf-8").startswith("# Adoptiestrategie")
    assert f"Opgeslagen: {tmp_path / 'advies-2.md'}" in screen


def test_an_existing_file_is_replaced_only_when_confirmed(knowledge, answers, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "advies.md").write_text("keep me", encoding="utf-8")
    typed = "\x7f" * len("advies-2.md") + "advies.md" + ENTER
    other, replace = ENTER, UP + ENTER  # "No, choose another name" is the default
    _offer(knowledge, answers, REPORT + ENTER, typed, other, ENTER, DONE + ENTER, lang="nl")
    assert (tmp_path / "advies.md").read_text(encoding="utf-8") == "keep me"
    assert (tmp_path / "advies-2.md").read_text(encoding="utf-8").startswith("# Adoptiestrategie")  # offered next
    _offer(knowledge, answers, REPORT + ENTER, "\x7f" * len("advies-3.md") + "advies.md" + ENTER, replace, DONE + ENTER, lang="nl")
    assert (tmp_path / "advies.md").read_text(encoding="utf-8").startswith("# Adoptiestrategie")


def test_an_empty_name_saves_nothing(knowledge, answers, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _, _, screen = _offer(knowledge, answers, REPORT + ENTER, "\x7f" * len("advice.md") + ENTER, DONE + ENTER)
    assert "empty to skip" in screen and "Not saved." in screen
    assert list(tmp_path.iterdir()) == []


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
