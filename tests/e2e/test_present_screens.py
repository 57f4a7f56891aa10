"""`advisor workshop present` on the screen of an 80x24 and a 120x40 terminal (the installed
advisor in a pseudo-terminal, read through a terminal emulator): the response count drawn as
its digit, the group's goals with why each is in or out, and a tie shown as a tie."""

from __future__ import annotations

import sys

import pytest

from advisor.schema import Answers
from advisor.workshop import store
from advisor.workshop.bigtext import big_digits
from terminal_screen import SIZES, SPACE, Screen

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

ANSWERS = {"goals": ["effectiveness"], "usage": {}, "purposes": {"expertise": "often"}}


def workshop(directory, responses: list[dict]) -> str:
    path = store.create("W", lang="en", directory=directory)
    store.add_entries(path, [store.Entry(Answers.model_validate(answers)) for answers in responses])
    return path.name


def drawn_digits(lines: list[str]) -> list[str]:
    """The block of big digits on screen, cut out at its left edge and as wide as it is."""
    rows = [line for line in lines if "█" in line]
    left = min(len(row) - len(row.lstrip(" ")) for row in rows)
    width = max(len(row) for row in rows) - left
    return [row[left:].ljust(width) for row in rows]


@pytest.mark.parametrize("columns, rows", SIZES)
@pytest.mark.parametrize("count", [1, 2, 5, 6])
def test_the_response_count_is_drawn_as_its_digit(tmp_path, columns, rows, count):
    """Each row of a digit was centred on its own, which dropped the trailing spaces of the
    shapes of 1, 2, 5 and 6 and shifted their rows apart."""
    name = workshop(tmp_path, [ANSWERS] * count)
    term = Screen("workshop", "present", name, home=tmp_path, columns=columns, rows=rows)
    term.wait("responses?")
    scale = 2 if columns >= 110 and rows >= 34 else 1
    expected = big_digits(count, scale)
    width = max(len(row) for row in expected)
    assert drawn_digits(term.lines()) == [row.ljust(width) for row in expected]
    term.send("q")
    assert term.finish() == 0


@pytest.mark.parametrize("columns, rows", SIZES)
def test_the_goals_screen_says_why_each_goal_is_in_or_out(tmp_path, columns, rows):
    responses = [
        {"goals": ["alignment", "engagement"], "usage": {}},
        {"goals": ["engagement", "efficiency", "alignment"], "usage": {}},
        {"goals": ["knowledge_sharing"], "usage": {}},
    ]
    name = workshop(tmp_path, responses)
    term = Screen("workshop", "present", name, home=tmp_path, columns=columns, rows=rows)
    term.wait("responses?")
    term.send(SPACE + SPACE)  # to the goals, and reveal them
    term.wait("The group's goals:")
    text = " ".join(term.text().split())
    assert "The group's goals: Engagement, Alignment with the strategy" in text
    assert "● Engagement: in: the highest score" in text
    assert "● Alignment with the strategy: in: 10 points, at least 2/3 of the top score of 11" in text
    assert "○ Knowledge sharing: out: 6 points, less than 2/3 of the top score of 11" in text
    assert "○ Efficiency: out: 5 points, less than 2/3 of the top score of 11" in text
    term.send("q")
    assert term.finish() == 0


@pytest.mark.parametrize("columns, rows", SIZES)
def test_a_tie_is_shown_as_a_tie(tmp_path, columns, rows):
    """Never, sometimes and often once each used to be shown as the group's answer "never"."""
    responses = [
        {"goals": ["efficiency"], "usage": {"active_share": 30, "active_frequency": "weekly"}, "purposes": {"ideas": level, "read_only": "never"}}
        for level in ("never", "sometimes", "often")
    ]
    name = workshop(tmp_path, responses)
    term = Screen("workshop", "present", name, home=tmp_path, columns=columns, rows=rows)
    term.wait("responses?")
    for _ in range(12):  # screen by screen, revealing each, to the question about ideas
        term.send(SPACE)
        term.settle()
        if "share and develop ideas" in term.text() and "Group answer" in term.text():
            break
    text = " ".join(term.text().split())
    assert "Group answer: a tie between never, sometimes, often; the advice reads the lowest, never" in text
    term.send("q")
    assert term.finish() == 0
