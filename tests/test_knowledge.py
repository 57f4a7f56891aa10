"""A broken findings.yaml or rule file gets errors as good as a broken answers file."""

from __future__ import annotations

import pytest

from advisor.errors import AdvisorError
from advisor.knowledge.load import load_knowledge


def load(root):
    return load_knowledge(root / "findings.yaml", root / "rules")


def broken(root, relative: str, old: str, new: str) -> str:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(AdvisorError) as caught:
        load(root)
    return caught.value.render()


def test_a_copy_of_the_shipped_knowledge_loads(knowledge_copy, knowledge):
    assert load(knowledge_copy).version == knowledge.version


def test_two_knowledge_bases_get_distinct_names(knowledge_copy, knowledge):
    assert load(knowledge_copy).name != knowledge.name


def test_schema_error_in_findings_names_file_line_and_field(knowledge_copy):
    message = broken(knowledge_copy, "findings.yaml", "construct: alignment", "construct: happiness")
    assert "findings.yaml:" in message and "findings[0].construct" in message


def test_unknown_finding_cited_by_a_rule(knowledge_copy):
    message = broken(knowledge_copy, "rules/alignment.yaml", "findings: [alignment-active-breadth]", "findings: [alignment-typo]")
    assert "alignment.yaml:" in message and "unknown finding 'alignment-typo'" in message
    assert "rules[0].findings[0]" in message


def test_duplicate_rule_id_across_files(knowledge_copy):
    message = broken(
        knowledge_copy, "rules/engagement.yaml", "id: engagement-energise-core-group", "id: alignment-broaden-active-use"
    )
    assert "duplicate id 'alignment-broaden-active-use'" in message and "alignment.yaml:" in message


def test_unknown_parameter(knowledge_copy):
    message = broken(knowledge_copy, "rules/derive.yaml", "lt: {param: active_share_low}", "lt: {param: nope}")
    assert "derive.yaml:" in message and "unknown parameter 'nope'" in message


def test_test_value_that_can_never_match(knowledge_copy):
    message = broken(knowledge_copy, "rules/engagement.yaml", "is: seldom", "is: rarely")
    assert "active_frequency is never 'rarely'" in message and "often, seldom, unknown" in message


def test_unknown_recommendation(knowledge_copy):
    message = broken(knowledge_copy, "rules/alignment.yaml", "recommend: broaden-active-use", "recommend: nope")
    assert "unknown recommendation 'nope'" in message


def test_rule_without_a_near_miss(knowledge_copy):
    message = broken(
        knowledge_copy, "rules/alignment.yaml",
        "      - case: many-posters\n        fires: false\n        answers: {goals: [alignment], usage: {active_share: 30}}\n      - case: other-goal\n        fires: false\n",
        "      - case: many-posters\n        fires: true\n        answers: {goals: [alignment], usage: {active_share: 30}}\n      - case: other-goal\n        fires: true\n",
    )
    assert "near miss" in message and "alignment.yaml:" in message


def test_yaml_boolean_where_text_belongs(knowledge_copy):
    message = broken(knowledge_copy, "rules/catalog/recommendations.yaml", 'en: "Get more employees posting and reacting"', "en: yes")
    assert "recommendations.yaml:" in message and "put the text in quotes" in message


def test_missing_language(knowledge_copy):
    message = broken(
        knowledge_copy, "rules/catalog/notices.yaml",
        '      nl: "U weet niet hoe vaak ondersteunende processen via het platform lopen, en het advies voor kennisdeling hangt ervan af."\n', ""
    )
    assert "notices.yaml:" in message and ".nl: required field is missing" in message


def test_schema_problems_of_all_files_are_reported_together_in_file_order(knowledge_copy):
    (knowledge_copy / "rules" / "zz-extra.yaml").write_text("rules:\n  - id: Bad Id\n")
    message = broken(knowledge_copy, "rules/alignment.yaml", "then:\n      recommend:", "then:\n      suggest:")
    assert "zz-extra.yaml:2:" in message and "rules[0].then.suggest: unknown field" in message
    assert message.index("alignment.yaml") < message.index("zz-extra.yaml")


def test_missing_rules_directory(tmp_path, knowledge_copy):
    with pytest.raises(AdvisorError) as caught:
        load_knowledge(knowledge_copy / "findings.yaml", tmp_path / "nope")
    assert "not a directory of rule files" in caught.value.render()
