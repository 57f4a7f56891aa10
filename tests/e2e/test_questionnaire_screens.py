"""The questionnaire on the screen of an 80x24 and a 120x40 terminal (the installed advisor in a
pseudo-terminal, its output read through a terminal emulator): nothing a person reads is cut
inside a word, what to do is on screen when the report stops scrolling, and the rough edges a
new user met are gone."""

from __future__ import annotations

import re
import sys

import pytest
import yaml

from advisor.i18n import t
from advisor.knowledge.load import shipped_knowledge
from terminal_screen import CTRL_C, DOWN, ENTER, SIZES, SPACE, Screen, unbroken

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

KEYS = ("move", "choose", "back", "why", "toggle", "confirm", "type", "skip")


def hints(lang: str) -> list[str]:
    return [t(lang, "key." + key) for key in KEYS]


def assert_whole(lines: list[str], lang: str, prompt: str) -> None:
    """No key hint and no word of the question is cut by a line break."""
    assert unbroken(lines, hints(lang)) == [], "\n".join(lines)
    text = "\n".join(lines)
    for word in prompt.split():
        assert word in text, (word, text)


@pytest.mark.parametrize("columns, rows", SIZES)
def test_questions_and_hints_are_never_cut_and_the_summary_stays_on_screen(tmp_path, columns, rows):
    term = Screen(home=tmp_path, columns=columns, rows=rows)
    steps = [
        ("contribute to", "Which outcomes should your internal social media contribute to?", SPACE + DOWN + SPACE + ENTER),
        ("matters most", "Which of these matters most?", ENTER),
        ("posted or reacted on the platform", "What share of your employees posted or reacted on the platform in the past month?", ENTER),
        ("post or react on the platform do so", "How often do the employees who post or react on the platform do so?", DOWN + ENTER),
        ("read posts or reactions", "What share of your employees read posts or reactions on the platform in the past month?", ENTER),
        ("strategy discussed", "", ENTER),
        ("Name of your organisation", "Name of your organisation (optional)", "Example BV" + ENTER),
        ("Number of employees", "Number of employees (optional)", ENTER),
    ]
    for pattern, prompt, keys in steps:
        assert_whole(term.answer(pattern, keys), "en", prompt)
    term.wait("What next")
    final = term.lines()
    # the report is taller than the screen; when it stops, what to do is what the person sees
    assert "What next?" in term.text()
    start = next(i for i, line in enumerate(final) if line.strip() == "In short")
    summary = [" ".join(line.split()) for line in final[start:]]
    assert "Your goals: 1. Alignment with the strategy, 2. Engagement" in summary
    actions = [line for line in summary if re.match(r"\d\. ", line)]
    assert [line[:3] for line in actions[:3]] == ["1. ", "2. ", "3. "]
    assert actions[0] == "1. Get more employees posting and reacting (falls short)"
    assert not any("[gap]" in line or "alignment-broaden-active-use" in line for line in final)
    term.send(DOWN * 3 + ENTER)
    assert term.finish() == 0


@pytest.mark.parametrize("columns, rows", SIZES + [(110, 30)])
@pytest.mark.parametrize("lang, locale, pattern", [("nl", "nl_NL.UTF-8", "Aan welke uitkomsten"), ("en", "en_GB.UTF-8", "contribute to")])
def test_the_hints_of_the_first_question_are_never_cut(tmp_path, columns, rows, lang, locale, pattern):
    """At 80 and 110 columns the terminal used to break them anywhere: `Enter bevestig` / `en`."""
    term = Screen(home=tmp_path, columns=columns, rows=rows, lang=locale)
    shown = term.answer(pattern, CTRL_C)
    prompt = next(q for q in shipped_knowledge().questions if q.key == "goals").prompt
    assert_whole(shown, lang, prompt.get(lang))
    assert t(lang, "key.confirm") in "\n".join(shown)
    assert term.finish() == 130


def test_continuing_an_unfinished_questionnaire_keeps_its_language(tmp_path):
    """Started with --lang nl and stopped: plain `advisor` (an English locale) asks, and goes on,
    in Dutch."""
    first = Screen("--lang", "nl", home=tmp_path, columns=100, rows=30)
    first.answer("Aan welke uitkomsten", SPACE + ENTER)  # alignment
    first.answer("gepost of gereageerd", CTRL_C)
    assert first.finish() == 130
    again = Screen(home=tmp_path, columns=100, rows=30, lang="en_GB.UTF-8")
    shown = again.answer("onafgemaakte vragenlijst", ENTER)
    assert "unfinished questionnaire" not in "\n".join(shown)
    again.wait("gepost of gereageerd")  # the next question, in Dutch
    assert "What share of your employees" not in again.text()
    again.send(CTRL_C)
    assert again.finish() == 130
    assert "Ga verder met" in again.text()


def test_communication_satisfaction_alone_says_so_and_offers_another_goal(tmp_path):
    term = Screen(home=tmp_path, columns=100, rows=30)
    term.answer("contribute to", DOWN * 5 + SPACE + ENTER)  # communication satisfaction only
    shown = "\n".join(term.answer("Yes, choose the goals again", ENTER))  # yes, choose the goals again
    assert "Communication satisfaction: The study found no significant relation with active or passive use" in " ".join(shown.split())
    assert "For Communication satisfaction the study names no use of the platform to steer on." in " ".join(shown.split())
    again = term.answer("contribute to", SPACE + ENTER)  # the choice kept; alignment added
    assert "● Communication satisfaction" in "\n".join(again)
    term.answer("matters most", DOWN + ENTER)  # communication satisfaction first, alignment second
    term.answer("posted or reacted on the platform", CTRL_C)
    assert term.finish() == 130


def test_each_step_of_the_ranking_asks_its_own_question(tmp_path):
    term = Screen(home=tmp_path, columns=100, rows=30)
    term.answer("contribute to", SPACE + DOWN + SPACE + DOWN + SPACE + ENTER)  # three goals
    first = term.answer("matters most", ENTER)
    second = term.answer("comes next", ENTER)
    assert "Which of these matters most?" in "\n".join(first)
    assert "And which of these comes next, after 1. Alignment with the strategy?" in "\n".join(second)
    assert "matters most" not in second[-8:][0]  # the header changed, not only its tail
    term.answer("posted or reacted on the platform", CTRL_C)
    assert term.finish() == 130


def test_why_panels_keep_their_indentation_and_say_things_once(tmp_path):
    term = Screen(home=tmp_path, columns=80, rows=40)
    term.answer("contribute to", SPACE + ENTER)  # alignment
    term.answer("posted or reacted on the platform", "?")
    term.wait("Why this question")
    panel = [line for line in term.lines() if line.startswith("│")]
    items = [i for i, line in enumerate(panel) if line.startswith("│   alignment-")]
    assert items, "\n".join(panel)
    for i in items:  # an item's continued lines keep under its text, not at the panel's edge
        following = panel[i + 1]
        if following.strip("│ ") and not following.startswith("│   alignment-"):
            assert following.startswith("│   "), following
    term.send(ENTER)  # under 10%
    term.answer("strategy discussed", ENTER)
    term.answer("Name of your organisation", "?")
    term.wait("Why this question")
    text = " ".join(term.text().split())
    assert text.count("No rule reads") == 1
    term.send(CTRL_C)
    assert term.finish() == 130


def test_an_anonymous_workshop_response_is_not_asked_for_the_organisation(tmp_path):
    from advisor.workshop import store

    path = store.create("W", lang="en", directory=tmp_path)
    term = Screen("workshop", "collect", path.name, home=tmp_path, columns=100, rows=30)
    term.answer("contribute to", DOWN * 3 + SPACE + ENTER)  # effectiveness
    term.answer("find expertise", ENTER)
    assert term.finish() == 0
    assert "Name of your organisation" not in "".join(term.seen)
    [response] = store.load(path).responses
    assert response.team is None and response.answers.organisation is None
    assert response.answers.goals == ["effectiveness"]


def test_a_minimum_group_size_of_one_is_said_and_asked(tmp_path):
    from advisor.workshop import store

    path = store.create("W", lang="en", directory=tmp_path)
    term = Screen("workshop", "set", path.name, "--min-group-size", "1", home=tmp_path, columns=100, rows=30)
    shown = " ".join("\n".join(term.answer("Set the minimum group size to 1 anyway", ENTER)).split())  # no
    assert "anyone watching can read one person's answers off the screen" in shown
    assert term.finish() == 2
    assert store.load(path).min_group_size == 3
    term = Screen("workshop", "set", path.name, "--min-group-size", "1", home=tmp_path, columns=100, rows=30)
    term.answer("Set the minimum group size to 1 anyway", DOWN * 0 + "\x1b[A" + ENTER)  # yes
    assert term.finish() == 0
    assert store.load(path).min_group_size == 1


def test_the_check_shows_its_progress_on_a_terminal(tmp_path):
    term = Screen("check", home=tmp_path, columns=100, rows=30)
    term.child.expect(t("en", "check.progress"))  # while it works, not only when it is done
    assert term.child.isalive()
    term.child.terminate(force=True)


def test_a_saved_answers_file_from_the_questionnaire_reads_back(tmp_path):
    term = Screen(home=tmp_path, columns=120, rows=40)
    term.answer("contribute to", DOWN * 3 + SPACE + ENTER)  # effectiveness
    term.answer("find expertise", DOWN * 2 + ENTER)  # often
    term.answer("Name of your organisation", ENTER)
    term.answer("Number of employees", ENTER)
    term.answer("What next", DOWN * 2 + ENTER)  # save the answers
    term.answer("Save as", ENTER)  # the name offered: answers.yaml
    term.answer("What next", DOWN * 3 + ENTER)
    assert term.finish() == 0
    saved = yaml.safe_load((tmp_path / "answers.yaml").read_text(encoding="utf-8"))
    assert saved["goals"] == ["effectiveness"] and saved["purposes"]["expertise"] == "often"
