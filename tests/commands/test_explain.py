"""`advisor explain` and `advisor explain --why-not` on real answers files."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from advisor.check import grid
from advisor.reasoning.trace import trace_rule, would_fire
from advisor.reasoning.pipeline import advise, advisor_for
from advisor.answers.read import parse_answers

from samples import EXAMPLE_FILE, FEW_POSTERS


pytestmark = pytest.mark.usefixtures("wide_console")


def explain_json(cli, *args: str) -> dict:
    result = cli("explain", *args, "--format", "json")
    assert result.code == 0, result.err
    assert result.err == ""
    return json.loads(result.out)


def rule(data: dict, rule_id: str) -> dict:
    return next(trace for trace in data["rules"] if trace["rule"] == rule_id)


# --------------------------------------------------------------------------------------------
# the chain: answers -> derived facts -> rules -> conclusions -> findings


def test_json_follows_the_chain_from_answers_to_findings(cli):
    data = explain_json(cli, "--answers", FEW_POSTERS)
    answers = {a["key"]: a for a in data["answers"]}
    assert answers["usage.active_share"]["value"] == 8
    assert answers["usage.active_share"]["needed_by"] == ["alignment"]
    assert answers["usage.passive_share"] == {"key": "usage.passive_share", "value": "unknown", "needed_by": []}
    assert {"name": "active_breadth", "value": "low", "rule": "active-breadth-low"} in data["derived"]

    conclusions = {c["id"]: c for c in data["conclusions"]}
    broaden = conclusions["broaden-active-use"]
    assert broaden["kind"] == "recommendation" and broaden["status"] == "gap" and broaden["priority"] == 1
    [trace] = broaden["rules"]
    assert trace["rule"] == "alignment-broaden-active-use" and trace["fired"]
    goal, breadth = trace["conditions"]
    assert goal["kind"] == "goal" and goal["met"] and goal["actual"] == ["alignment"]
    assert breadth["subject"] == "active_breadth" and breadth["required"] == ["low", "moderate"]
    assert breadth["actual"] == ["low"] and breadth["met"]
    [producer] = breadth["producers"]
    assert producer["rule"] == "active-breadth-low" and producer["fired"] and producer["value"] == "low"
    [share] = producer["conditions"]
    assert share == {
        "kind": "answer", "subject": "usage.active_share", "test": "lt", "required": 10,
        "param": "active_share_low", "ref": None, "actual": 8, "met": True, "producers": [],
    }
    evidence = broaden["evidence"][0]
    assert evidence["finding"] == "alignment-active-breadth"
    assert "verbondenheid" in evidence["quote"]  # down to the Dutch source sentence

    assert conclusions["correlation-not-causation"]["kind"] == "caveat"
    assert conclusions["open-strategy-dialogue"]["rules"][0]["conditions"][1]["actual"] == "never"


def test_every_conclusion_of_the_advice_is_explained_and_every_rule_traced_fired(cli, knowledge):
    data = explain_json(cli, "--answers", EXAMPLE_FILE)
    advice = advise(_load(EXAMPLE_FILE), knowledge=knowledge)
    expected = (
        [("recommendation", r.id) for r in advice.recommendations]
        + [("warning", w.id) for w in advice.warnings]
        + [("caveat", c.id) for c in advice.caveats]
    )
    assert [(c["kind"], c["id"]) for c in data["conclusions"]] == expected
    assert data["trace"] == advice.trace
    for conclusion in data["conclusions"]:
        assert conclusion["rules"], conclusion["id"]
        for trace in conclusion["rules"]:
            assert trace["fired"] and all(c["met"] for c in trace["conditions"]), trace["rule"]


def test_text_is_a_tree_down_to_the_quotes(cli):
    result = cli("explain", "--answers", FEW_POSTERS)
    assert result.code == 0, result.err
    out = result.out
    for expected in (
        "How the advice came about",
        "usage.active_share = 8",
        "active_breadth = low",
        "Rules fired:",
        "1. Get more employees posting and reacting",
        "alignment-broaden-active-use",
        "✓ usage.active_share < 10 (active_share_low); answer: 8",
        "alignment-active-breadth (Alignment with the strategy × share of employees posting or reacting: positive relation)",
        "“Het blijkt dat",
        "Caveats",
    ):
        assert expected in out, expected
    assert "├──" in out and "\x1b[" not in out


def test_dutch(cli):
    result = cli("explain", "--answers", FEW_POSTERS, "--lang", "nl")
    assert result.code == 0, result.err
    assert "Hoe het advies tot stand kwam" in result.out
    assert "Laat meer medewerkers posten en reageren" in result.out
    assert "antwoord: 8" in result.out


def test_both_engines_explain_alike(cli):
    durable = cli("explain", "--answers", EXAMPLE_FILE, "--format", "json", "--engine", "durable")
    python = cli("explain", "--answers", EXAMPLE_FILE, "--format", "json", "--engine", "python")
    assert durable.code == python.code == 0
    assert durable.out == python.out


def test_answers_on_standard_input(cli):
    text = Path(FEW_POSTERS).read_text(encoding="utf-8")
    result = cli("explain", "--answers", "-", "--format", "json", stdin=text)
    assert result.code == 0, result.err
    assert json.loads(result.out)["goals"] == ["alignment"]


def test_bad_answers_exit_2_with_the_position(cli, write_yaml):
    path = write_yaml("goals: [alignment]\nusage:\n  active_share: lots\n")
    result = cli("explain", "--answers", str(path))
    assert result.code == 2
    assert f"{path}:3" in result.err and "usage.active_share" in result.err
    assert result.out == ""


# --------------------------------------------------------------------------------------------
# why not


def test_why_not_names_the_failed_conditions_with_actual_and_required_values(cli):
    # active_share 8 is below the high mark of 25, so the sustain rule for alignment cannot fire
    data = explain_json(cli, "--answers", FEW_POSTERS, "--why-not", "sustain-broad-active-use")
    assert data["kind"] == "recommendation" and data["in_advice"] is False and data["priority"] is None
    assert {trace["rule"] for trace in data["rules"]} == {
        "alignment-sustain-active-use", "efficiency-sustain-active-use", "knowledge-sharing-sustain-active-use",
    }
    assert data["rules"][0]["rule"] == "alignment-sustain-active-use"  # the nearest miss first
    trace = rule(data, "alignment-sustain-active-use")
    assert not trace["fired"]
    goal, breadth = trace["conditions"]
    assert goal["met"]
    assert not breadth["met"] and breadth["required"] == "high" and breadth["actual"] == ["low"]
    [producer] = breadth["producers"]
    assert producer["rule"] == "active-breadth-high" and not producer["fired"]
    [share] = producer["conditions"]
    assert (share["test"], share["required"], share["param"], share["actual"], share["met"]) == (
        "gte", 25, "active_share_high", 8, False,
    )
    other = rule(data, "efficiency-sustain-active-use")
    assert other["conditions"][0] == {
        "kind": "goal", "subject": "goal", "test": "in", "required": ["efficiency"], "param": None, "ref": None,
        "actual": ["alignment"], "met": False, "producers": [],
    }


def test_why_not_in_text_says_what_it_would_take(cli):
    result = cli("explain", "--answers", FEW_POSTERS, "--why-not", "sustain-broad-active-use")
    assert result.code == 0, result.err
    out = " ".join(result.out.split())
    assert "Why not sustain-broad-active-use?" in out
    assert "It is not in the advice for these answers." in out
    assert "✗ active_breadth = high; derived: low" in out
    assert "active-breadth-high would derive active_breadth = high" in out
    assert "✗ usage.active_share >= 25 (active_share_high); answer: 8" in out
    assert "Closest rule, alignment-sustain-active-use, would fire with: usage.active_share >= 25" in out


def test_why_not_for_an_id_that_is_in_the_advice(cli):
    data = explain_json(cli, "--answers", FEW_POSTERS, "--why-not", "broaden-active-use")
    assert data["in_advice"] is True and data["priority"] == 1 and data["goals"] == ["alignment"]
    fired = [trace["rule"] for trace in data["rules"] if trace["fired"]]
    assert fired == ["alignment-broaden-active-use"]
    text = cli("explain", "--answers", FEW_POSTERS, "--why-not", "broaden-active-use").out
    assert "It is in the advice (priority 1) for Alignment with the strategy." in " ".join(text.split())


def test_why_not_a_warning(cli):
    # the share is known, so the warning about an unknown share does not fire
    data = explain_json(cli, "--answers", FEW_POSTERS, "--why-not", "active-share-unknown")
    assert data["kind"] == "warning" and not data["in_advice"]
    [trace] = data["rules"]
    breadth = trace["conditions"][1]
    assert (breadth["subject"], breadth["required"], breadth["actual"], breadth["met"]) == (
        "active_breadth", "unknown", ["low"], False,
    )
    assert breadth["producers"][0]["conditions"][0]["actual"] == 8


def test_why_not_a_rule(cli):
    data = explain_json(cli, "--answers", FEW_POSTERS, "--why-not", "efficiency-read-only-caveat")
    assert data["kind"] == "rule" and not data["in_advice"]
    goal = data["rules"][0]["conditions"][0]
    assert goal["required"] == ["efficiency"] and not goal["met"]


@pytest.mark.parametrize(
    ("wrong", "suggestion"),
    [("sustain-broad-activ-use", "sustain-broad-active-use"), ("no-such-thing-at-all", None)],
)
def test_why_not_an_unknown_id_is_a_clear_error(cli, wrong, suggestion):
    result = cli("explain", "--answers", FEW_POSTERS, "--why-not", wrong)
    assert result.code == 2 and result.out == ""
    assert f"no recommendation, warning, caveat or rule is called '{wrong}'" in result.err
    if suggestion:
        assert f"did you mean '{suggestion}'" in result.err
    else:
        assert "broaden-active-use" in result.err  # the hint shows what an id looks like
    assert "Traceback" not in result.err


# --------------------------------------------------------------------------------------------
# the explanation reads each rule the way the engine decides it


def test_conditions_agree_with_the_engine_across_the_grid(knowledge):
    combinations = list(grid.combinations(knowledge))
    sample = random.Random(4).sample(combinations, 300)
    for shares in ((5, 30), (40, 30), (30, 30), (62.5, 25), ("unknown", 30), (30, "unknown")):
        sample.append(grid.answers_dict(["efficiency"], {"usage.active_share": shares[0], "usage.passive_share": shares[1]}))
    for answers in sample:
        consultation = advisor_for(knowledge).consult(parse_answers(answers))
        for each in knowledge.rules:
            trace = trace_rule(consultation, each)
            assert would_fire(trace) == trace.fired, (each.id, answers)


def _load(path: str) -> dict:
    import yaml

    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
