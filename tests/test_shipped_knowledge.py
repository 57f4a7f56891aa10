"""The shipped findings.yaml and rules/ themselves: they load, `advisor check` finds nothing, and
the findings say what the source says. The invariants of the collection (every finding cited,
quotes verbatim, levers backed by findings, one sentence per strategy ...) live in `advisor
check`, so a domain expert editing a copy gets the same verdict as this suite."""

from __future__ import annotations

import hashlib
import re

from advisor.engine.compiler import compile_rules
from advisor.check.run import check
from advisor.vocabulary import GOALS

# sha256 of the source text (whitespace runs read as one space), as published by its authors:
# the text every quote is checked against must stay the original.
SOURCE_DIGEST = "8842eb66730178b926fd59d39ac8235a2dfdc6eaec6dc37010580c2e517535e6"


def test_loads_with_every_section(knowledge):
    assert len(knowledge.findings) >= 20
    assert knowledge.rules and knowledge.recommendations and knowledge.notices and knowledge.parameters
    assert set(knowledge.goal_profiles) == set(GOALS)


def test_check_finds_no_problem(knowledge):
    report = check(grid=False)  # the grid of combinations runs in tests/commands/test_check.py
    assert report.valid and report.knowledge_version == knowledge.version
    assert [(p.code, p.id, p.message) for p in report.problems] == []
    assert report.examples["run"] == report.examples["passed"] > 0


def test_the_source_text_is_the_original(knowledge):
    text = re.sub(r"\s+", " ", knowledge.findings_file.source.text).strip()
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == SOURCE_DIGEST
    assert text.startswith("De echte bijdrage van interne social media")


def test_findings_say_what_the_study_says(knowledge):
    """Spot checks against the source text (domain.md's table, and how to read the source)."""
    by_pair = {(f.construct, f.usage): f for f in knowledge.findings.values()}
    assert by_pair[("alignment", "active_breadth")].relation == "positive"
    assert by_pair[("alignment", "passive_breadth")].relation == "not_shown"
    assert not by_pair[("alignment", "passive_breadth")].inferred  # "het is niet aangetoond": stated
    assert by_pair[("engagement", "passive_breadth")].relation == "positive"
    assert by_pair[("efficiency", "read_only")].relation == "not_shown" and by_pair[("efficiency", "read_only")].inferred
    assert by_pair[("effectiveness", "expertise")].strength is not None
    for usage in ("active_breadth", "active_frequency", "passive_breadth", "passive_frequency"):
        assert by_pair[("effectiveness", usage)].inferred and by_pair[("effectiveness", usage)].relation == "not_shown"
        assert by_pair[("communication_satisfaction", usage)].relation == "none"
        assert not by_pair[("communication_satisfaction", usage)].inferred
    for usage in ("ideas", "expertise", "processes"):
        assert by_pair[("knowledge_sharing", usage)].relation == "positive"
    assert "causaliteit" in knowledge.statements["correlation-not-causation"].quote
    assert knowledge.statements["alignment-through-dialogue"].kind == "conclusion"
    assert {r.id for r in knowledge.recommendations.values() if r.basis == "conclusion"} == {
        "open-strategy-dialogue",
        "sustain-strategy-dialogue",
    }


def test_compiled_rules_use_only_operators_durable_rules_has(knowledge):
    allowed = {"$lt", "$lte", "$gt", "$gte", "$eq", "$neq", "$ex", "$nex", "$and", "$or"}
    text = repr(compile_rules(knowledge))
    assert set(re.findall(r"'(\$[a-z]+)'", text)) <= allowed
    assert "$in" not in text  # durable_rules has no $in (error 202)
