"""`advisor findings`: the evidence itself, as a table, for a facilitator to show."""

from __future__ import annotations

import json

import pytest

from advisor.vocabulary import GOALS


pytestmark = pytest.mark.usefixtures("wide_console")


def findings_json(cli, *args: str) -> dict:
    result = cli("findings", *args, "--format", "json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_json_holds_every_finding_and_statement_with_the_rules_citing_it(cli, knowledge):
    data = findings_json(cli)
    assert [f["id"] for f in data["findings"]] == list(knowledge.findings)
    assert [s["id"] for s in data["statements"]] == list(knowledge.statements)
    row = next(f for f in data["findings"] if f["id"] == "effectiveness-expertise")
    assert (row["construct"], row["usage"], row["relation"]) == ("effectiveness", "expertise", "positive")
    assert row["strength"].startswith("in lesser degree")
    assert row["rules"] == [rule.id for rule in knowledge.rules if "effectiveness-expertise" in rule.findings]
    assert "106 organisations" in data["source"]


@pytest.mark.parametrize("goal", GOALS)
def test_goal_keeps_its_findings_and_the_statements_about_it(cli, knowledge, goal):
    data = findings_json(cli, "--goal", goal)
    assert data["goals"] == [goal]
    assert {f["id"] for f in data["findings"]} == {f.id for f in knowledge.findings.values() if f.construct == goal}
    ids = {s["id"] for s in data["statements"]}
    assert "goal-first" in ids  # about every goal
    assert "correlation-not-causation" in ids
    assert ("no-miracle-cure" in ids) == (goal == "communication_satisfaction")


def test_two_goals(cli):
    data = findings_json(cli, "--goal", "engagement", "--goal", "alignment")
    assert data["goals"] == ["alignment", "engagement"]
    assert {f["construct"] for f in data["findings"]} == {"alignment", "engagement"}


def test_unknown_goal(cli):
    result = cli("findings", "--goal", "happiness")
    assert result.code == 2 and "happiness" in result.err


def test_text_table(cli):
    result = cli("findings", "--goal", "communication_satisfaction")
    assert result.code == 0, result.err
    out = result.out
    for expected in (
        "Findings of the study for Communication satisfaction",
        "Outcome", "Usage", "Relation", "Summary",
        "no significant relation",
        "communication-satisfaction-active-breadth",
        "Conclusions, remarks and caveats of the authors",
        "no-miracle-cure",
        "4 findings, 4 statements.",
    ):
        assert expected in out, expected
    assert "“" not in out  # quotes only on request
    assert "“" in cli("findings", "--goal", "communication_satisfaction", "--quotes").out


def test_no_column_is_left_empty_in_most_rows(cli):
    """The strength, which the source gives for one finding of 25, is shown with its relation."""
    table = cli("findings").out
    header = next(line for line in table.splitlines() if "Outcome" in line)
    assert "Strength" not in header
    lines = cli("findings", "--goal", "effectiveness").out.splitlines()
    end = next(i for i, line in enumerate(lines) if "effectiveness-expertise" in line)
    start = max(i for i, line in enumerate(lines[:end]) if line.startswith(("├", "┡")))
    relation = " ".join(line.split("│")[3].strip() for line in lines[start + 1 : end + 1])
    assert relation.startswith("positive relation strength: in lesser degree")


def test_dutch_markdown(cli):
    result = cli("findings", "--goal", "effectiveness", "--format", "markdown", "--lang", "nl")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "# Bevindingen van het onderzoek voor Effectiviteit"
    assert "| Id | Uitkomst | Gebruik | Samenhang | Samenvatting |" in lines  # no column most rows leave empty
    row = next(line for line in lines if line.startswith("| `effectiveness-expertise`"))
    assert "positieve samenhang; sterkte: in mindere mate" in row
    assert any("niet aangetoond, afgeleid" in line and "één relatie gevonden" in line for line in lines)
    assert not any("geen significante samenhang" in line for line in lines)  # only communication satisfaction was tested so


def test_markdown_escapes_pipes_and_keeps_one_row_per_finding(cli, knowledge):
    out = cli("findings", "--format", "markdown", "--quotes").out
    rows = [line for line in out.splitlines() if line.startswith("| `")]
    assert len(rows) == len(knowledge.findings) + len(knowledge.statements)
    assert all(line.count(" | ") == 5 for line in rows[: len(knowledge.findings)])  # six cells, quotes included
