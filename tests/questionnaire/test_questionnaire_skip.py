"""Ask only what matters: a usage question comes only when a rule for a chosen goal reads its
answer, and adding a rule that reads an answer brings its question back, with no Python change."""

from __future__ import annotations

import pytest
from questionnaire_keys import ENTER, SPACE, answers_of

from advisor.knowledge.load import load_knowledge
from advisor.questionnaire.flow import Flow
from advisor.reasoning.pipeline import advise
from advisor.vocabulary import ANSWER_KEYS, GOALS, UNKNOWN

ORGANISATION = ["organisation.name", "organisation.employees"]


def _advice_changes(knowledge, goal: str, key: str) -> bool:
    """Whether some answer to `key` gives other advice for `goal` than not knowing it: found by
    running the advisor, not by reading the rules."""
    question = next(q for q in knowledge.questions if q.key == key)
    baseline = advise({"goals": [goal], "usage": {}}, knowledge=knowledge)

    def conclusions(advice):
        return [(item.id, item.status) for item in advice.recommendations], [w.id for w in advice.warnings], [
            c.id for c in advice.caveats
        ]

    section, name = key.split(".")
    for choice in question.choices:
        answers = {"goals": [goal], "usage": {}, section: {name: choice.answer}}
        if conclusions(advise(answers, knowledge=knowledge)) != conclusions(baseline):
            return True
    return False


@pytest.mark.parametrize("goal", GOALS)
def test_the_questions_asked_are_those_whose_answer_can_change_the_advice(knowledge, goal):
    asked = [key for key in Flow(knowledge, "en").plan([goal]) if key in ANSWER_KEYS]
    matters = [key for key in ANSWER_KEYS if _advice_changes(knowledge, goal, key)]
    assert asked == matters


def test_each_goal_asks_what_the_study_relates_to_it(knowledge):
    flow = Flow(knowledge, "en")
    assert flow.plan(["alignment"]) == ["goals", "usage.active_share", "purposes.strategy_dialogue"] + ORGANISATION
    assert flow.plan(["engagement"]) == ["goals", "usage.active_frequency", "usage.passive_share"] + ORGANISATION
    assert flow.plan(["communication_satisfaction"]) == ["goals"] + ORGANISATION
    # several goals ask the union, in the order of questions.yaml
    assert flow.plan(["engagement", "alignment"]) == [
        "goals",
        "usage.active_share",
        "usage.active_frequency",
        "usage.passive_share",
        "purposes.strategy_dialogue",
    ] + ORGANISATION


def test_one_line_says_what_was_skipped_and_why(ask):
    run = ask(SPACE + ENTER, ENTER, ENTER, ENTER, ENTER)
    answers_of(run)
    # one paragraph (wrapped to the terminal's width) between the goals and the next question
    skipped = run.screen.split("Not asked")[1].split("\n?")[0]
    assert " ".join(("Not asked" + skipped).split()) == (
        "Not asked, as no rule for Alignment with the strategy reads it: how often active employees post or react; "
        "share of employees reading; how often employees read; use for sharing and developing ideas; use for "
        "finding and asking for expertise; use for supporting processes; referring people to read only."
    )
    assert run.screen.count("Not asked") == 1
    assert "What share of your employees read posts" not in run.screen


READS_PASSIVE_FREQUENCY = """
rules:
  - id: alignment-frequent-reading
    description: {en: "For alignment, employees read often, which alone is not shown to help.", nl: "Voor alignment lezen medewerkers vaak, en dat alleen lezen helpt, is niet aangetoond."}
    findings: [alignment-passive-frequency]
    when:
      - goal: alignment
      - answer: usage.passive_frequency
        in: [daily, weekly]
    then:
      caveat: reading-not-shown-alignment
    examples:
      - case: daily
        fires: true
        answers: {goals: [alignment], usage: {passive_frequency: daily}}
      - case: monthly
        fires: false
        answers: {goals: [alignment], usage: {passive_frequency: monthly}}
"""


def test_a_rule_that_reads_an_answer_brings_its_question_back(ask, knowledge_copy):
    shipped = load_knowledge(knowledge_copy / "findings.yaml", knowledge_copy / "rules")
    assert "usage.passive_frequency" not in Flow(shipped, "en").plan(["alignment"])

    (knowledge_copy / "rules" / "alignment_reading.yaml").write_text(READS_PASSIVE_FREQUENCY, encoding="utf-8")
    extended = load_knowledge(knowledge_copy / "findings.yaml", knowledge_copy / "rules")
    assert Flow(extended, "en").plan(["alignment"]) == [
        "goals",
        "usage.active_share",
        "usage.passive_frequency",
        "purposes.strategy_dialogue",
    ] + ORGANISATION
    assert Flow(extended, "en").plan(["engagement"]) == Flow(shipped, "en").plan(["engagement"])

    # goals, active share, then the question that came back: "Weekly" is one down
    run = ask(SPACE + ENTER, ENTER, "\x1b[B" + ENTER, ENTER, ENTER, ENTER, knowledge=extended)
    assert answers_of(run)["usage"]["passive_frequency"] == "weekly"
    assert "? How often do employees read the platform? Weekly" in run.text
    assert "how often employees read;" not in run.text  # no longer listed as skipped


def test_answers_to_questions_no_longer_needed_are_dropped(ask):
    # answer the share for alignment, go back, switch to effectiveness: the share is not kept
    to_effectiveness = SPACE + "\x1b[B" * 3 + SPACE + ENTER
    run = ask(SPACE + ENTER, "\x1b[B" + ENTER, "\x1b", "\x1b", to_effectiveness, ENTER, ENTER, ENTER)
    answers = answers_of(run)
    assert answers["goals"] == ["effectiveness"]
    assert answers["usage"]["active_share"] == UNKNOWN
    assert answers["purposes"]["expertise"] == "never"
