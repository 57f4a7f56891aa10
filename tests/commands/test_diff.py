"""`advisor diff A B`: last year's survey against this year's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from samples import ANSWERS_FILES

LAST_YEAR = str(ANSWERS_FILES / "survey-2025.yaml")
THIS_YEAR = str(ANSWERS_FILES / "survey-2026.yaml")


pytestmark = pytest.mark.usefixtures("wide_console")


def test_json_says_what_changed_and_which_rules_made_it(cli):
    result = cli("diff", LAST_YEAR, THIS_YEAR, "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert (data["before_source"], data["after_source"]) == (LAST_YEAR, THIS_YEAR)
    assert [a["key"] for a in data["answers"]] == [
        "usage.active_share", "usage.active_frequency", "usage.passive_share", "purposes.ideas", "purposes.read_only",
    ]
    assert {d["name"]: (d["before"], d["after"]) for d in data["derived"]} == {
        "active_breadth": (["moderate"], ["high"]),  # 12% -> 30%, marks at 10 and 25
        "active_frequency": (["seldom"], ["often"]),  # monthly -> weekly
    }
    changes = {(c["id"], c["change"]) for c in data["changes"]}
    # each gap closed becomes its sustain counterpart, for both goals
    for gap, sustain in (
        ("broaden-active-use", "sustain-broad-active-use"),
        ("raise-active-frequency", "sustain-active-frequency"),
        ("use-for-ideas", "sustain-ideas"),
    ):
        assert (gap, "removed") in changes and (sustain, "added") in changes
    assert ("read-only-referral", "removed") in changes  # nobody is referred to read only any more
    assert ("read-only-does-not-help", "added") in changes
    added = next(c for c in data["changes"] if c["id"] == "sustain-broad-active-use")
    assert [r["rule"] for r in added["rules"]] == ["efficiency-sustain-active-use", "knowledge-sharing-sustain-active-use"]
    assert all(r["fired"] for r in added["rules"])
    removed = next(c for c in data["changes"] if c["id"] == "read-only-referral")
    [rule] = removed["rules"]
    purpose = rule["conditions"][1]
    assert (purpose["subject"], purpose["actual"], purpose["met"]) == ("purposes.read_only", "never", False)
    # the unchanged gaps move up
    expertise = next(c for c in data["changes"] if c["id"] == "use-for-expertise")
    assert expertise["change"] == "changed" and expertise["after"]["priority"] < expertise["before"]["priority"]
    assert data["before"]["recommendations"][0]["id"] == "broaden-active-use"


def test_text(cli):
    result = cli("diff", LAST_YEAR, THIS_YEAR)
    assert result.code == 0, result.err
    out = result.out
    assert f"From {LAST_YEAR} to {THIS_YEAR}" in out
    assert "usage.active_share: 12 -> 30" in out
    assert "active_frequency: seldom -> often" in out
    assert "- Get more employees posting and reacting  broaden-active-use  no longer recommended" in out
    assert "+ Keep many employees posting and reacting  sustain-broad-active-use  now recommended" in out
    assert "warning gone" in out


def test_a_file_against_itself_changes_nothing(cli):
    data = json.loads(cli("diff", THIS_YEAR, THIS_YEAR, "--format", "json").out)
    assert data["answers"] == [] and data["derived"] == [] and data["changes"] == []
    assert data["before"] == data["after"]


def test_reversed_swaps_added_and_removed(cli):
    forward = json.loads(cli("diff", LAST_YEAR, THIS_YEAR, "--format", "json").out)
    backward = json.loads(cli("diff", THIS_YEAR, LAST_YEAR, "--format", "json").out)
    flip = {"added": "removed", "removed": "added", "changed": "changed"}
    assert {(c["id"], flip[c["change"]]) for c in forward["changes"]} == {(c["id"], c["change"]) for c in backward["changes"]}


def test_goals_differ(cli, write_yaml):
    other = write_yaml({"goals": ["engagement"], "usage": {"passive_share": 30}}, "engagement.yaml")
    data = json.loads(cli("diff", LAST_YEAR, str(other), "--format", "json").out)
    assert data["answers"][0] == {"key": "goals", "before": ["efficiency", "knowledge_sharing"], "after": ["engagement"]}
    assert ("widen-readership", "added") in {(c["id"], c["change"]) for c in data["changes"]}


def test_one_file_from_standard_input(cli):
    text = Path(THIS_YEAR).read_text(encoding="utf-8")
    result = cli("diff", LAST_YEAR, "-", "--format", "json", stdin=text)
    assert result.code == 0, result.err
    assert json.loads(result.out)["after_source"] == "<stdin>"


def test_both_from_standard_input_is_refused(cli):
    result = cli("diff", "-", "-")
    assert result.code == 2 and "only one of the two answers files can be standard input" in result.err


def test_missing_file(cli, tmp_path):
    result = cli("diff", LAST_YEAR, str(tmp_path / "nope.yaml"))
    assert result.code == 2 and "nope.yaml: no such file" in result.err


def test_dutch(cli):
    result = cli("diff", LAST_YEAR, THIS_YEAR, "--lang", "nl")
    assert result.code == 0
    assert "Van " in result.out and "niet meer aanbevolen" in result.out and "Gewijzigde antwoorden" in result.out
