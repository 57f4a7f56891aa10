"""The shipped findings.yaml and rules/ themselves: they load, and the collection holds together."""

from __future__ import annotations

import re
from collections import Counter

from advisor.engine.compiler import compile_rules
from advisor.vocabulary import GOALS, LEVERS


def test_loads_with_every_section(knowledge):
    assert len(knowledge.findings) >= 20
    assert knowledge.rules and knowledge.recommendations and knowledge.notices and knowledge.parameters
    assert set(knowledge.goal_profiles) == set(GOALS)


def test_every_finding_and_statement_is_cited_by_a_rule(knowledge):
    cited = {ref for rule in knowledge.rules for ref in rule.findings}
    assert set(knowledge.findings) - cited == set()
    assert set(knowledge.statements) - cited == set()


def test_every_recommendation_and_notice_is_concluded_by_a_rule(knowledge):
    concluded = {rule.then.target for rule in knowledge.rules}
    assert set(knowledge.recommendations) - concluded == set()
    assert set(knowledge.notices) - concluded == set()


def test_every_parameter_is_used_and_documented(knowledge):
    from advisor.measure.thresholds import PARAMETERS as MEASUREMENT

    used = set()
    for rule in knowledge.rules:
        for pattern in rule.when:
            for _, operand in pattern.tests():
                if getattr(operand, "param", None):
                    used.add(operand.param)
    assert used == {name for name, p in knowledge.parameters.items() if p.used_by == "rules"}
    assert set(MEASUREMENT) == {name for name, p in knowledge.parameters.items() if p.used_by == "measurement"}
    for parameter in knowledge.parameters.values():
        assert len(parameter.provenance) > 40, parameter.name


def test_each_construct_pair_appears_once(knowledge):
    pairs = Counter((f.construct, f.usage) for f in knowledge.findings.values())
    assert [pair for pair, count in pairs.items() if count > 1] == []


def test_findings_say_what_the_study_says(knowledge):
    """Spot checks against the source text (domain.md's table)."""
    by_pair = {(f.construct, f.usage): f for f in knowledge.findings.values()}
    assert by_pair[("alignment", "active_breadth")].relation == "positive"
    assert by_pair[("alignment", "passive_breadth")].relation == "not_shown"
    assert by_pair[("engagement", "passive_breadth")].relation == "positive"
    assert by_pair[("efficiency", "read_only")].relation == "none"
    assert by_pair[("effectiveness", "expertise")].strength is not None
    assert all(
        f.relation == "none" for f in knowledge.findings.values() if f.construct == "communication_satisfaction"
    )
    for usage in ("ideas", "expertise", "processes"):
        assert by_pair[("knowledge_sharing", usage)].relation == "positive"
    assert "causaliteit" in knowledge.statements["correlation-not-causation"].quote


def test_quotes_are_verbatim_from_the_source(knowledge):
    """Every quote is a literal passage of the Dutch source (normalised for whitespace)."""
    from pathlib import Path

    source = Path(__file__).parent / "data" / "source.txt"
    text = re.sub(r"\s+", " ", source.read_text(encoding="utf-8"))
    quotes = [f.quote for f in knowledge.findings.values()] + [s.quote for s in knowledge.statements.values()]
    for quote in quotes:
        assert re.sub(r"\s+", " ", quote) in text, quote[:60]


def test_goal_profiles_steer_only_on_levers_with_positive_evidence(knowledge):
    for profile in knowledge.goal_profiles.values():
        for lever in profile.steer_on:
            assert lever in LEVERS
            positive = [
                f for f in knowledge.findings.values()
                if f.construct == profile.goal and f.usage == lever and f.relation == "positive"
            ]
            conclusion = lever == "strategy_dialogue" and profile.goal == "alignment"
            assert positive or conclusion, (profile.goal, lever)


def test_compiled_rules_use_only_operators_durable_rules_has(knowledge):
    allowed = {"$lt", "$lte", "$gt", "$gte", "$eq", "$neq", "$ex", "$nex", "$and", "$or"}
    text = repr(compile_rules(knowledge))
    assert set(re.findall(r"'(\$[a-z]+)'", text)) <= allowed
    assert "$in" not in text  # durable_rules has no $in (error 202)


def test_rule_ids_are_unique_and_well_formed(knowledge):
    ids = [rule.id for rule in knowledge.rules]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", id_) for id_ in ids)
    assert all(rule.description and "\n" not in rule.description for rule in knowledge.rules)


def test_each_goal_strategy_is_one_sentence(knowledge):
    for profile in knowledge.goal_profiles.values():
        for text in (profile.strategy.en, profile.strategy.nl):
            assert text.endswith(".") and text.count(". ") == 0, text
