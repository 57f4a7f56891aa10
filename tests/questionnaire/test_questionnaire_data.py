"""The questions are data: the shipped questions.yaml is complete and consistent with the rules,
and the schema refuses questions that cannot be asked properly."""

from __future__ import annotations

import re

import pytest
import yaml
from pydantic import ValidationError

from advisor.errors import AdvisorError
from advisor.knowledge.load import load_knowledge
from advisor.questionnaire.flow import Flow
from advisor.questionnaire.preload import goals_preview
from advisor.schema import ParamRef, PatternRef, Question
from advisor.i18n import LANGS
from advisor.vocabulary import ANSWER_KEYS


def test_every_answer_has_one_question_in_both_languages(knowledge):
    keys = [q.key for q in knowledge.questions]
    assert sorted(keys) == sorted(("goals",) + ANSWER_KEYS + ("organisation.name", "organisation.employees"))
    for question in knowledge.questions:
        for lang in LANGS:
            assert question.prompt.get(lang) and question.help.get(lang)
            assert all(choice.label.get(lang) for choice in question.choices)


def _thresholds(knowledge, key: str) -> set[float]:
    """The numbers the rules compare an answer with (parameters resolved)."""
    found = set()
    for rule in knowledge.rules:
        for pattern in rule.when:
            if pattern.answer != key:
                continue
            for test, operand in pattern.tests():
                if test in ("lt", "lte", "gt", "gte") and not isinstance(operand, PatternRef):  # not another answer
                    found.add(knowledge.param(operand.param) if isinstance(operand, ParamRef) else operand)
    return found


@pytest.mark.parametrize("key", ["usage.active_share", "usage.passive_share"])
def test_no_band_straddles_a_threshold_of_the_rules(knowledge, key):
    """Picking a band must give the advice any percentage inside it would give."""
    question = next(q for q in knowledge.questions if q.key == key)
    thresholds = _thresholds(knowledge, key)
    assert thresholds, "the rules compare this share with something"
    for choice in question.choices:
        low, high = choice.band
        assert not [t for t in thresholds if low < t < high], f"{choice.label.en} straddles a threshold"
    assert question.choices[0].band[0] == 0 and question.choices[-1].band[1] == 100
    assert all(a.band[1] == b.band[0] for a, b in zip(question.choices, question.choices[1:])), "bands leave a gap"


GOOD = {
    "key": "usage.active_frequency",
    "kind": "choice",
    "prompt": {"en": "How often?", "nl": "Hoe vaak?"},
    "help": {"en": "Why.", "nl": "Waarom."},
    "choices": [{"value": v, "label": {"en": v, "nl": v}} for v in ("daily", "weekly", "monthly", "less")],
}


def _band(low, high, **more):
    return {"band": [low, high], "label": {"en": "x", "nl": "x"}, **more}


@pytest.mark.parametrize(
    "change, message",
    [
        ({"kind": "share"}, "is of kind 'choice'"),
        ({"choices": GOOD["choices"][:3]}, "offer exactly these choices: daily, weekly, monthly, less"),
        ({"choices": GOOD["choices"] + [{"value": "unknown", "label": {"en": "?", "nl": "?"}}]}, "don't list 'unknown'"),
        ({"optional": True}, "only the organisation questions are optional"),
        ({"rank_prompt": {"en": "x", "nl": "x"}}, "only that one, has a rank_prompt"),
        ({"key": "usage.active_share", "kind": "share", "choices": [_band(0, 10), _band(5, 20)]}, "must not overlap"),
        # a band choice records the band itself: no figure made up for it
        ({"key": "usage.active_share", "kind": "share", "choices": [_band(0, 10, value=5)]}, "leave out its value"),
        ({"key": "usage.active_share", "kind": "share", "choices": [_band(0, 120)]}, "0 <= from < to <= 100"),
        ({"key": "usage.active_share", "kind": "share", "choices": []}, "offers bands"),
        ({"key": "goals", "kind": "goals", "choices": []}, "has a rank_prompt"),
        ({"key": "organisation.name", "kind": "text", "optional": True}, "a text question has no choices"),
        ({"prompt": {"en": "How often?"}}, "Field required"),
    ],
)
def test_the_schema_refuses_questions_that_cannot_be_asked(change, message):
    Question.model_validate(GOOD)
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace("?", r"\?")):
        Question.model_validate({**GOOD, **change})


def test_a_missing_question_is_reported_with_where_to_add_it(knowledge_copy):
    path = knowledge_copy / "rules" / "catalog" / "questions.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["questions"] = [q for q in data["questions"] if q["key"] != "usage.passive_frequency"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(AdvisorError) as caught:
        load_knowledge(knowledge_copy / "findings.yaml", knowledge_copy / "rules")
    assert "no question for 'usage.passive_frequency'" in caught.value.render()
    assert "rules/catalog/questions.yaml" in caught.value.render()


def test_a_rule_set_without_a_questionnaire_loads_for_advise_only(knowledge_copy, ask):
    (knowledge_copy / "rules" / "catalog" / "questions.yaml").unlink()
    knowledge = load_knowledge(knowledge_copy / "findings.yaml", knowledge_copy / "rules")
    assert knowledge.questions == []
    run = ask(knowledge=knowledge)
    assert isinstance(run.error, AdvisorError)
    assert "this rule set has no questionnaire" in str(run.error)


@pytest.mark.parametrize("lang", LANGS)
def test_the_quick_first_screen_matches_the_checked_knowledge(knowledge, lang):
    assert goals_preview(lang) == Flow(knowledge, lang).goals_view()


def test_every_question_stands_on_its_own(knowledge):
    """Only the questions the chosen goals need are asked: none may point back at one that may
    have been skipped ("How often do those employees post or react?")."""
    for question in knowledge.questions:
        assert not re.search(r"\b(those|they|them)\b|\b(is|on) it\b", question.prompt.en), question.prompt.en
        assert not re.search(r"\bdie medewerkers\b|\bwordt het gebruikt\b|\berop\b", question.prompt.nl), question.prompt.nl
