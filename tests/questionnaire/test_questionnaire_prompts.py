"""Each kind of question, driven with keys through prompt_toolkit's pipe input: goals (choose and
order), shares (a band, a typed percentage, don't know), choices, text and numbers; going back,
asking why, Ctrl-C, and both languages.

With only `alignment` chosen the questionnaire asks, in order: goals, the share of employees
posting or reacting, how often the strategy is discussed, the organisation's name, its size.
"""

from __future__ import annotations

from questionnaire_keys import CTRL_C, DOWN, ENTER, ESC, SPACE, UP, answers_of

ALIGNMENT = SPACE + ENTER  # the first goal in the list
BACKSPACE = "\x7f"
NOTHING = ENTER  # leaves an optional text empty


def test_one_goal_a_band_a_choice_and_no_organisation(ask):
    run = ask(ALIGNMENT, DOWN + ENTER, DOWN + DOWN + ENTER, NOTHING, NOTHING)
    assert answers_of(run) == {
        "goals": ["alignment"],
        "usage": {
            "active_share": "10-25",  # the band "10 to 25%", as picked: no figure made up for it
            "active_frequency": "unknown",
            "passive_share": "unknown",
            "passive_frequency": "unknown",
        },
        "purposes": {
            "ideas": "unknown",
            "expertise": "unknown",
            "processes": "unknown",
            "strategy_dialogue": "often",
            "read_only": "unknown",
        },
    }
    assert run.prompts == 5


def test_dont_know_on_a_share_and_on_a_choice(ask):
    # bands (4), "type a percentage", "don't know" / often-sometimes-never (3), "don't know"
    run = ask(ALIGNMENT, DOWN * 5 + ENTER, DOWN * 3 + ENTER, NOTHING, NOTHING)
    answers = answers_of(run)
    assert answers["usage"]["active_share"] == "unknown"
    assert answers["purposes"]["strategy_dialogue"] == "unknown"
    assert "? What share of your employees posted or reacted on the platform in the past month? Don't know" in run.text


def test_a_typed_percentage_with_a_dutch_decimal_comma(ask):
    typed = "150" + ENTER + BACKSPACE * 3 + "12,5" + ENTER  # 150 is refused, then corrected
    run = ask(ALIGNMENT, DOWN * 4 + ENTER, typed, ENTER, NOTHING, NOTHING)
    assert answers_of(run)["usage"]["active_share"] == 12.5
    assert "in the past month? 12.5%" in run.text
    dutch = ask(ALIGNMENT, DOWN * 4 + ENTER, "12,5" + ENTER, ENTER, NOTHING, NOTHING, lang="nl")
    assert answers_of(dutch)["usage"]["active_share"] == 12.5
    assert "gepost of gereageerd? 12,5%" in dutch.text  # read back as Dutch writes it


def test_back_from_typing_returns_to_the_bands(ask):
    run = ask(ALIGNMENT, DOWN * 4 + ENTER, ESC, UP + ENTER, ENTER, NOTHING, NOTHING)
    assert answers_of(run)["usage"]["active_share"] == "50-100"  # "50% or more", one up from "type"


def test_several_goals_are_put_in_order(ask):
    choose = SPACE + DOWN + SPACE + DOWN + SPACE + ENTER  # alignment, engagement, efficiency
    first = DOWN * 2 + ENTER  # efficiency matters most
    second = DOWN + ENTER  # then engagement (alignment, engagement remain)
    # then: active share, active frequency, passive share, ideas, strategy dialogue, read-only, name, size
    run = ask(choose, first, second, *[ENTER] * 6, NOTHING, NOTHING)
    answers = answers_of(run)
    assert answers["goals"] == ["efficiency", "engagement", "alignment"]
    assert "1. Efficiency, 2. Engagement, 3. Alignment with the strategy" in run.text


def test_back_from_ordering_returns_to_the_goals_with_the_choice_kept(ask):
    choose = SPACE + DOWN + SPACE + ENTER  # alignment and engagement
    back_and_drop_engagement = DOWN + SPACE + ENTER  # engagement unticked, alignment still ticked
    run = ask(choose, ESC, back_and_drop_engagement, ENTER, ENTER, NOTHING, NOTHING)
    assert answers_of(run)["goals"] == ["alignment"]


def test_at_least_one_goal(ask):
    run = ask(ENTER + SPACE + ENTER, ENTER, ENTER, NOTHING, NOTHING)
    assert answers_of(run)["goals"] == ["alignment"]  # Enter with nothing ticked was refused


def test_going_back_keeps_the_earlier_answer_as_default(ask):
    # answer the share (10 to 25%), go back from the next question, move one down (25 to 50%)
    run = ask(ALIGNMENT, DOWN + ENTER, ESC, DOWN + ENTER, ENTER, NOTHING, NOTHING)
    assert answers_of(run)["usage"]["active_share"] == "25-50"


def test_left_arrow_goes_back_in_a_list(ask):
    left = "\x1b[D"
    run = ask(ALIGNMENT, DOWN + ENTER, left, ENTER, ENTER, NOTHING, NOTHING)
    assert answers_of(run)["usage"]["active_share"] == "10-25"


def test_going_back_to_the_goals_and_changing_them_changes_the_questions(ask):
    to_engagement = SPACE + DOWN + SPACE + ENTER  # untick alignment, tick engagement
    # engagement asks: how often active employees post, the share of readers, then the organisation
    run = ask(ALIGNMENT, ESC, to_engagement, ENTER, DOWN * 3 + ENTER, NOTHING, NOTHING)
    answers = answers_of(run)
    assert answers["goals"] == ["engagement"]
    assert answers["usage"]["active_frequency"] == "daily"
    assert answers["usage"]["passive_share"] == "75-100"
    assert answers["usage"]["active_share"] == "unknown"


def test_why_shows_the_rules_and_findings_and_keeps_the_selection(ask):
    run = ask(ALIGNMENT, DOWN + "?", ENTER, ENTER, NOTHING, NOTHING)
    assert answers_of(run)["usage"]["active_share"] == "10-25"
    assert "Why this question" in run.screen
    assert "alignment-broaden-active-use" in run.screen  # a rule that reads the answer
    assert "alignment-active-breadth" in run.screen  # the finding it rests on


def test_why_on_the_goals_names_what_to_steer_on(ask):
    run = ask(SPACE + "?", ENTER, ENTER, ENTER, NOTHING, NOTHING)  # the tick survives the help
    assert answers_of(run)["goals"] == ["alignment"]
    assert "Steer on reach and rhythm" in run.screen  # engagement's strategy


def test_text_and_number_answers(ask):
    name = "?"  # with nothing typed yet, ? asks why
    run = ask(ALIGNMENT, ENTER, ENTER, name, "Who? BV" + ENTER, "abc" + ENTER + BACKSPACE * 3 + "1.200" + ENTER)
    answers = answers_of(run)
    assert answers["organisation"] == {"name": "Who? BV", "employees": 1200}
    assert "Only for the heading of the report" in run.screen


def test_back_from_a_text_question(ask):
    run = ask(ALIGNMENT, ENTER, ENTER, ESC, DOWN + ENTER, NOTHING, NOTHING)
    assert answers_of(run)["purposes"]["strategy_dialogue"] == "sometimes"


def test_ctrl_c_raises_keyboard_interrupt(ask):
    run = ask(ALIGNMENT, ENTER, CTRL_C)
    assert isinstance(run.error, KeyboardInterrupt)
    assert run.prompts == 3


def test_dutch_throughout(ask):
    run = ask(ALIGNMENT, DOWN * 5 + ENTER, "?", ENTER, NOTHING, NOTHING, lang="nl")
    answers = answers_of(run)
    assert answers["usage"]["active_share"] == "unknown"
    for dutch in (
        "Aan welke uitkomsten moeten uw interne social media bijdragen?",
        "spatie aan/uit",
        "Esc terug",
        "? waarom",
        "Weet ik niet",
        "Waarom deze vraag",
        "Niet gevraagd, omdat geen regel voor Alignment met de strategie het gebruikt",
    ):
        assert dutch in run.text
    for english in ("Use arrow keys", "done (", "Cancelled", "Description", "Don't know", "Why this"):
        assert english not in run.text


def test_reading_typed_numbers():
    from advisor.questionnaire.asking import parse_count, parse_share

    assert [parse_share(text) for text in ("8", "8%", " 12.5 ", "12,5", "0", "100")] == [8, 8, 12.5, 12.5, 0, 100]
    assert [parse_share(text) for text in ("", "-1", "100.5", "abc", "nan", "1e3")] == [None] * 6
    assert [parse_count(text) for text in ("1200", "1.200", "1,200", "1 200")] == [1200] * 4
    assert [parse_count(text) for text in ("", "0", "abc", "12.5k", "20000000")] == [None] * 5
