"""The Python API tool builders embed: advise(), load_knowledge(), the Advice model."""

from __future__ import annotations

import json

import pytest

import advisor
from advisor import AdvisorError, Answers, advise, load_knowledge

from conftest import EXAMPLE_ANSWERS


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
    description: A test rule that reuses a caveat for engagement when reading is weekly.
    findings: [engagement-passive-breadth]
    when:
      - goal: engagement
      - answer: usage.passive_frequency
        is: weekly
    then:
      caveat: small-group-suffices
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
