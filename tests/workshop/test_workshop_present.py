"""The presenter: screens, reveals and keys, driven through prompt_toolkit's pipe input."""

from __future__ import annotations

import io
import re
import threading
import time

import pytest
from prompt_toolkit.input import create_pipe_input
from rich.console import Console

from advisor.reasoning.pipeline import advisor_for
from advisor.schema import Answers
from advisor.workshop import store
from advisor.workshop.present import Deck, Presenter
from advisor.workshop.screens import build_screens
from advisor.workshop.summary import summarise

from workshop_teams import BLUE

RIGHT, LEFT = "\x1b[C", "\x1b[D"
HEADER = re.compile(r"^ (?P<name>.+?) · (?P<title>.+?) +(?P<index>\d+)/(?P<count>\d+) $")


def build_for(path):
    def build():
        workshop = store.load(path)
        summary = summarise(workshop, advisor_for())
        return workshop.name, summary.lang, build_screens(summary, path.name)

    return build


def frames(text: str, height: int) -> list[list[str]]:
    lines = text.split("\n")
    return [lines[start : start + height] for start in range(0, len(lines) - height + 1, height)]


def present(path, keys: str, *, width: int = 80, height: int = 24):
    """Run the presenter on a width x height console with these keys; return its frames."""
    out = io.StringIO()
    console = Console(file=out, width=width, height=height, color_system=None, force_terminal=False, legacy_windows=False)
    with create_pipe_input() as keyboard:
        keyboard.send_text(keys)
        presenter = Presenter(path, build_for(path), console=console, input=keyboard, poll_seconds=0.05)
        presenter.run()
    return presenter, frames(out.getvalue(), height)


def header(frame) -> dict:
    match = HEADER.match(frame[0])
    assert match, frame[0]
    return match.groupdict()


def test_every_frame_fills_80x24_exactly(make_workshop):
    path = make_workshop()
    count = len(build_for(path)()[2])
    _, shown = present(path, " " * (2 * count) + "q")
    assert len(shown) > count  # reveals take a key press of their own
    for frame in shown:
        assert len(frame) == 24
        assert all(len(line) <= 80 for line in frame), frame
        assert "q quit" in frame[-1]
    assert header(shown[-1])["index"] == header(shown[-1])["count"] == str(count)  # reached the end


def test_answers_stay_hidden_until_revealed(make_workshop):
    path = make_workshop()
    _, shown = present(path, RIGHT + "r" + RIGHT + RIGHT + "q")
    titles = [header(frame)["title"] for frame in shown]
    assert titles == ["Responses", "The group's goals", "The group's goals", "Question 1 of 9", "Question 1 of 9"]
    hidden, revealed = "\n".join(shown[1]), "\n".join(shown[2])
    assert "Press r or space to reveal" in hidden and "pts" not in hidden
    assert "11 pts" in revealed and "The group's goals: Engagement, Alignment with the strategy" in revealed
    # on a hidden screen, → reveals in place before it moves on (a presenter's clicker has no r)
    assert "Press r or space to reveal" in "\n".join(shown[3]) and "Group answer" not in "\n".join(shown[3])
    assert "Group answer: 12%" in "\n".join(shown[4])


def test_a_question_shows_its_distribution_and_the_group_answer(make_workshop):
    path = make_workshop()
    _, shown = present(path, " " * 4 + "q")  # responses, goals (reveal, next), question 1 (reveal)
    frame = "\n".join(shown[-1])
    assert "What share of your employees posted or reacted" in frame
    # the questionnaire's bands, as it labels them: 8, 12 and 30 fall in three of them
    assert re.search(r"Under 10%\s+█+ 1", frame) and re.search(r"10 to 25%\s+█+ 1", frame)
    assert re.search(r"25 to 50%\s+█+ 1", frame) and "50% or more" in frame
    assert "Group answer: 12% (the median)" in frame


def test_back_home_end_and_quit(make_workshop):
    path = make_workshop()
    count = len(build_for(path)()[2])
    presenter, shown = present(path, "\x1b[F" + LEFT + "\x1b[H" + "x" + "q")  # End, ←, Home, an unbound key
    assert [int(header(frame)["index"]) for frame in shown] == [1, count, count - 1, 1, 1]


def test_below_the_minimum_only_the_count_is_shown(make_workshop):
    path = make_workshop({"Blue": BLUE}, min_group_size=3)
    _, shown = present(path, "  r q")
    assert {header(frame)["count"] for frame in shown} == {"1"}
    text = "\n".join(shown[0])
    assert "Group results appear from 3 responses" in text and "2 to go" in text


def test_comparison_marks_where_a_team_differs(make_workshop):
    path = make_workshop()
    screens = build_for(path)()[2]
    index = [screen.key for screen in screens].index("team:red")
    _, shown = present(path, " " * 40 + "\x1b[H" + RIGHT * (index + 20) + "q")  # reveal all, then walk
    frame = next("\n".join(f) for f in shown if header(f)["title"] == "The group and Red")
    assert "Goals of Red: Engagement, Efficiency, Alignment with the strategy" in frame
    assert re.search(r"≠\s+Keep your broad readership\s+–\s+●", frame)
    assert "Red differs from the group on" in frame


def test_findings_show_the_dutch_quote_and_the_summary(make_workshop):
    path = make_workshop()
    screens = build_for(path)()[2]
    keys = [screen.key for screen in screens]
    assert keys[-1] == "end"
    findings = [key for key in keys if key.startswith("finding:")]
    assert findings[:2] == ["finding:engagement-active-frequency", "finding:engagement-passive-breadth"]
    _, shown = present(path, "\x1b[H" + RIGHT * 40 + "q")
    frame = next("\n".join(f) for f in shown if header(f)["title"] == f"Finding 1 of {len(findings)}")
    assert "„Hier geldt dat hoe vaker een kleine groep" in frame
    assert "The more often a small group posts and reacts" in frame


def test_dutch_workshop_screens(make_workshop):
    path = make_workshop(lang="nl")
    _, shown = present(path, "  q")
    assert header(shown[0])["title"] == "Inzendingen"
    assert "Druk op r of spatie" in "\n".join(shown[1])
    assert "spatie/→ verder" in shown[0][-1]


def test_a_tiny_terminal_still_draws_every_screen(make_workshop):
    path = make_workshop()
    _, shown = present(path, " " * 60 + "q", width=40, height=12)
    assert all(len(frame) == 12 and all(len(line) <= 40 for line in frame) for frame in shown)
    assert any("…" in line for frame in shown for line in frame)  # what does not fit is cut, visibly


def test_large_terminal_scales_the_count_up(make_workshop):
    path = make_workshop()
    _, small = present(path, "q")
    _, large = present(path, "q", width=160, height=48)
    blocks = lambda frame: sum(1 for line in frame if "█" in line)
    assert len(large[0]) == 48 and blocks(large[0]) == 2 * blocks(small[0]) == 10


def test_new_answers_appear_while_presenting(make_workshop):
    path = make_workshop({"Blue": BLUE}, min_group_size=2)
    out = io.StringIO()
    console = Console(file=out, width=80, height=24, color_system=None, force_terminal=False)
    with create_pipe_input() as keyboard:
        presenter = Presenter(path, build_for(path), console=console, input=keyboard, poll_seconds=0.05)
        thread = threading.Thread(target=presenter.run)
        thread.start()
        try:
            deadline = time.monotonic() + 20
            while "1 named" not in out.getvalue() and time.monotonic() < deadline:
                time.sleep(0.02)
            store.add_entries(path, [store.Entry(Answers.model_validate(BLUE), "Red")])
            while "2 named" not in out.getvalue() and time.monotonic() < deadline:
                time.sleep(0.02)
        finally:
            keyboard.send_text("q")
            thread.join(timeout=20)
    assert "2 named" in out.getvalue()
    assert presenter.deck.screens[-1].key == "end"  # the group's screens arrived with the second team


def test_deck_keeps_its_place_when_screens_change():
    from advisor.workshop.screens import Screen

    def screens(*keys):
        return [Screen(key, key, lambda r, w, h: "", revealable=True) for key in keys]

    deck = Deck(screens("a", "b", "c"))
    deck.forward()  # reveals a
    deck.forward()
    assert deck.current.key == "b" and deck.revealed == {"a"}
    deck.replace(screens("a", "new", "b", "c"))
    assert deck.current.key == "b"
    deck.replace(screens("a"))
    assert deck.current.key == "a"
    with pytest.raises(KeyboardInterrupt):
        deck.handle("c-c")


EFFICIENT_ALIGNMENT = {
    "goals": ["alignment", "efficiency"],
    "usage": {"active_share": 8, "active_frequency": "monthly"},
    "purposes": {"ideas": "never", "strategy_dialogue": "never", "read_only": "often"},
}


def test_screens_mark_inferred_relations_conclusions_and_heuristics(make_workshop):
    path = make_workshop([EFFICIENT_ALIGNMENT] * 3)
    summary = summarise(store.load(path), advisor_for())
    screens = {screen.key: screen for screen in build_screens(summary, path.name)}

    def shown(key: str) -> str:
        out = io.StringIO()
        Console(file=out, width=200, color_system=None).print(screens[key].draw(True, 200, 40))
        return out.getvalue()

    read_only = shown("finding:efficiency-read-only")
    assert "referring people to read only: not shown, inferred" in read_only
    assert "Note: Read from 'draagt niet bij' (does not contribute)" in read_only
    assert "authors' conclusion" in shown("finding:alignment-through-dialogue")
    recommendations = shown("recommendations")
    assert "dialogue about the strategy (authors' conclusion)" in recommendations
    assert recommendations.count("practitioner heuristics, not results of the study") == 1
