"""Knowledge bases that no engine can run the way they are written: rules that derive in a
cycle. Every command refuses them when loading, with the file, line and rule."""

from __future__ import annotations

import json

import pytest
from hostile import assert_clean_error

CYCLE = """rules:
  - id: breadth-from-frequency
    description: Derives active breadth from the active frequency it derives itself.
    when:
      - derived: active_frequency
        is: often
    then:
      derive: {active_breadth: high}
    examples:
      - case: often
        fires: true
        answers: {goals: [alignment], usage: {active_frequency: daily}}
      - case: seldom
        fires: false
        answers: {goals: [alignment], usage: {active_frequency: less}}
  - id: frequency-from-breadth
    description: Derives the active frequency from the active breadth.
    when:
      - derived: active_breadth
        is: high
    then:
      derive: {active_frequency: often}
    examples:
      - case: high
        fires: true
        answers: {goals: [alignment], usage: {active_share: 40}}
      - case: low
        fires: false
        answers: {goals: [alignment], usage: {active_share: 2}}
"""


@pytest.fixture
def cyclic(knowledge_copy):
    (knowledge_copy / "rules" / "cycle.yaml").write_text(CYCLE, encoding="utf-8")
    return ["--findings", str(knowledge_copy / "findings.yaml"), "--rules", str(knowledge_copy / "rules")]


@pytest.mark.parametrize("command", [["advise"], ["explain"], ["whatif", "--set", "usage.active_share=30"]])
def test_a_derive_cycle_is_refused_by_every_command_with_file_line_and_rule(cli, cyclic, write_yaml, command):
    answers = write_yaml({"goals": ["alignment"], "usage": {"active_share": 40}})
    result = cli(*command, "--answers", str(answers), *cyclic)
    assert_clean_error(
        result, "cycle.yaml:7:5:", "rule 'breadth-from-frequency' derives in a cycle: breadth-from-frequency -> frequency-from-breadth -> breadth-from-frequency"
    )


def test_a_derive_cycle_is_refused_by_batch(cli, cyclic, tmp_path):
    survey = tmp_path / "survey.csv"
    survey.write_text("id,goals,usage.active_share\na,alignment,40\n", encoding="utf-8")
    assert_clean_error(cli("batch", str(survey), "--out", str(tmp_path / "out"), *cyclic), "derives in a cycle")


def test_a_derive_cycle_is_refused_by_the_line_protocol(cli, cyclic, monkeypatch):
    import io
    import sys

    line = json.dumps({"goals": ["alignment"], "usage": {"active_share": 40}}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(line.encode("utf-8"))))
    assert_clean_error(cli("serve", "--stdio", *cyclic), "derives in a cycle")
