"""The Python API tool builders embed: advise(), load_knowledge(), the Advice model."""

from __future__ import annotations

import json

import pytest

import advisor
from advisor import AdvisorError, Answers, advise, load_knowledge

from samples import EXAMPLE_ANSWERS


def test_public_names():
    for name in advisor.__all__:
        assert getattr(advisor, name) is not None
    assert {"advise", "load_knowledge"} <= set(advisor.__all__)


def test_dict_and_model_give_the_same_advice():
    assert advise(EXAMPLE_ANSWERS) == advise(Answers.model_validate(EXAMPLE_ANSWERS))


def test_model_dump_is_the_json_contract(cli, write_yaml):
    from_api = advise(EXAMPLE_ANSWERS).model_dump(mode="json")
    from_cli = json.loads(cli("advise", "--answers", str(write_yaml(EXAMPLE_ANSWERS)), "--format", "json").out)
    assert from_api == from_cli


def test_dutch_advice():
    advice = advise(EXAMPLE_ANSWERS, lang="nl")
    assert advice.lang == "nl"
    assert advice.strategy[0].label == "Alignment met de strategie"


def test_invalid_input_raises_advisor_error_with_the_field():
    with pytest.raises(AdvisorError) as caught:
        advise({"goals": ["alignment"], "usage": {"active_share": 101}})
    assert caught.value.problems[0].field == "usage.active_share"
    with pytest.raises(AdvisorError):
        advise(EXAMPLE_ANSWERS, lang="fr")


def test_an_own_knowledge_base_with_an_extra_rule(knowledge_copy):
    (knowledge_copy / "rules" / "extra.yaml").write_text(
        """rules:
  - id: engagement-read-often
    description: {en: "A test rule that reuses a caveat for engagement when reading is weekly.", nl: "Een testregel die een kanttekening voor betrokkenheid hergebruikt als er wekelijks wordt gelezen."}
    findings: [engagement-passive-breadth]
    when:
      - goal: engagement
      - answer: usage.passive_frequency
        is: weekly
    then:
      caveat: engagement-number-of-posters
    examples:
      - case: weekly
        fires: true
        answers: {goals: [engagement], usage: {passive_frequency: weekly}}
      - case: daily
        fires: false
        answers: {goals: [engagement], usage: {passive_frequency: daily}}
""",
        encoding="utf-8",
    )
    knowledge = load_knowledge(knowledge_copy / "findings.yaml", knowledge_copy / "rules")
    advice = advise({"goals": ["engagement"], "usage": {"passive_frequency": "weekly"}}, knowledge=knowledge)
    assert "engagement-read-often" in advice.trace
    assert "engagement-read-often" not in advise({"goals": ["engagement"], "usage": {"passive_frequency": "weekly"}}).trace


SPREAD = [
    {"goals": goals, "usage": usage, "purposes": purposes}
    for goals in (["alignment"], ["engagement", "efficiency"], ["effectiveness", "knowledge_sharing"],
                  ["communication_satisfaction"], ["knowledge_sharing", "alignment", "engagement", "efficiency",
                                                   "effectiveness", "communication_satisfaction"])
    for usage in ({}, {"active_share": 4, "active_frequency": "less", "passive_share": 30},
                  {"active_share": 18, "active_frequency": "weekly", "passive_share": 60, "passive_frequency": "daily"},
                  {"active_share": 70, "active_frequency": "daily", "passive_share": 50})
    for purposes in ({}, {"ideas": "often", "expertise": "never", "processes": "sometimes",
                          "strategy_dialogue": "often", "read_only": "sometimes"})
]


@pytest.mark.parametrize("answers", SPREAD, ids=[f"case{i}" for i in range(len(SPREAD))])
def test_json_contract_for_a_spread_of_answers(answers, knowledge):
    from advisor.schema import Advice
    from advisor.vocabulary import LEVERS

    text = json.dumps(advise(answers).model_dump(mode="json"), ensure_ascii=False)
    data = json.loads(text)
    assert Advice.model_validate(data) == advise(answers)  # the JSON is the whole model, strictly
    cited = {e["finding"] for item in data["recommendations"] + data["warnings"] + data["caveats"] for e in item["evidence"]}
    assert cited <= set(knowledge.findings) | set(knowledge.statements)
    fired = set(data["trace"])
    assert fired <= set(knowledge.rules_by_id)
    for item in data["recommendations"] + data["warnings"] + data["caveats"]:
        assert set(item["rules"]) <= fired
        assert set(item["goals"]) <= set(answers["goals"])
    assert all(set(r["levers"]) <= set(LEVERS) for r in data["recommendations"])
    assert [s["goal"] for s in data["strategy"]] == answers["goals"]
    given = {f"{section}.{key}" for section in ("usage", "purposes") for key in answers[section]}
    assert not {u["answer"] for u in data["unknowns"]} & given  # only answers not given are unknown
