"""Every example beside every rule is a test: `pytest -k <rule-id>` runs one rule's cases."""

from __future__ import annotations

import pytest

from advisor.check.examples import run_example
from advisor.knowledge.load import shipped_knowledge
from advisor.reasoning.pipeline import advisor_for

_knowledge = shipped_knowledge()
_cases = [(rule, example) for rule in _knowledge.rules for example in rule.examples]


@pytest.mark.parametrize(
    ("rule", "example"), _cases, ids=[f"{rule.id}-{example.case}" for rule, example in _cases]
)
def test_rule_example(rule, example):
    result = run_example(advisor_for(_knowledge), rule, example)
    if example.invalid:
        assert result.rejected, f"{result.test_id}: expected the answers to be refused"
    else:
        assert not result.rejected, result.detail
        verb = "fire" if example.fires else "not fire"
        assert result.fired == example.fires, f"{result.test_id}: expected {rule.id} to {verb}"


def test_every_rule_has_a_case_that_fires_and_one_that_does_not():
    for rule in _knowledge.rules:
        assert any(e.fires for e in rule.examples), rule.id
        assert any(not e.fires for e in rule.examples), rule.id
