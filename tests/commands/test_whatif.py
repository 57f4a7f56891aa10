"""`advisor whatif`: the advice before and after changing answers, what changed and why."""

from __future__ import annotations

import json

import pytest

from advisor.i18n import t

from samples import EXAMPLE_FILE, FEW_POSTERS


pytestmark = pytest.mark.usefixtures("wide_console")


def whatif_json(cli, *args: str) -> dict:
    result = cli("whatif", *args, "--format", "json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def change(data: dict, id_: str) -> dict:
    return next(c for c in data["changes"] if c["id"] == id_)


def test_more_posters_turn_the_alignment_gap_into_sustain(cli):
    # 8% is low (< 10), 25% is high (>= 25, active_share_high): for alignment the rules
    # alignment-broaden-active-use and alignment-sustain-active-use swap
    data = whatif_json(cli, "--answers", FEW_POSTERS, "--set", "usage.active_share=25")
    assert data["answers"] == [{"key": "usage.active_share", "before": 8, "after": 25}]
    assert data["derived"] == [{"name": "active_breadth", "before": ["low"], "after": ["high"]}]

    removed = change(data, "broaden-active-use")
    assert removed["change"] == "removed" and removed["before"]["status"] == "gap" and removed["after"] is None
    [was] = removed["rules"]
    assert was["rule"] == "alignment-broaden-active-use" and not was["fired"]
    failed = [c for c in was["conditions"] if not c["met"]]
    assert [(c["subject"], c["actual"]) for c in failed] == [("active_breadth", ["high"])]

    added = change(data, "sustain-broad-active-use")
    assert added["change"] == "added" and added["after"]["status"] == "sustain" and added["after"]["goals"] == ["alignment"]
    [now] = added["rules"]
    assert now["rule"] == "alignment-sustain-active-use" and now["fired"]
    share = now["conditions"][1]["producers"][0]["conditions"][0]
    assert (share["subject"], share["test"], share["required"], share["actual"]) == ("usage.active_share", "gte", 25, 25)

    # an authors' conclusion ranks after the measured findings, gap or sustain: it keeps its place
    assert [r["id"] for r in data["before"]["recommendations"]] == ["broaden-active-use", "open-strategy-dialogue"]
    assert [r["id"] for r in data["after"]["recommendations"]] == ["sustain-broad-active-use", "open-strategy-dialogue"]
    assert {"open-strategy-dialogue", "correlation-not-causation"} <= set(data["unchanged"])


def test_just_below_the_mark_changes_nothing(cli):
    data = whatif_json(cli, "--answers", FEW_POSTERS, "--set", "usage.active_share=9.5")
    assert data["answers"] == [{"key": "usage.active_share", "before": 8, "after": 9.5}]
    assert data["derived"] == [] and data["changes"] == []


def test_text_shows_before_after_and_why(cli):
    result = cli("whatif", "--answers", FEW_POSTERS, "--set", "usage.active_share=25")
    assert result.code == 0, result.err
    out = result.out
    for expected in (
        "What if: usage.active_share=25",
        "usage.active_share: 8 -> 25",
        "active_breadth: low -> high",
        "Advice before",
        "Advice after",
        "+ Keep many employees posting and reacting  sustain-broad-active-use  now recommended",
        "- Get more employees posting and reacting  broaden-active-use  no longer recommended",
        "alignment-broaden-active-use: For alignment, too few employees post or react.  [no longer fires]",
        "✗ active_breadth in [low, moderate]; derived: high",
        "✓ usage.active_share >= 25 (active_share_high); answer: 25",
        t("en", "heuristics"),
    ):
        assert expected in out, expected
    assert out.index("Advice before") < out.index("Advice after") < out.index("What changed")


def test_several_settings_short_keys_and_goals(cli):
    data = whatif_json(
        cli, "--answers", FEW_POSTERS,
        "--set", "active_share=40", "--set", "goals=alignment,engagement", "--set", "purposes.strategy_dialogue=often",
    )
    assert [a["key"] for a in data["answers"]] == ["goals", "usage.active_share", "purposes.strategy_dialogue"]
    assert data["after"]["goals"] == ["alignment", "engagement"]
    ids = {c["id"]: c["change"] for c in data["changes"]}
    assert ids["sustain-strategy-dialogue"] == "added" and ids["open-strategy-dialogue"] == "removed"
    assert ids["passive-share-unknown"] == "added"  # engagement needs the readers' share, which is unknown


def test_setting_an_answer_to_unknown_brings_its_warning(cli):
    data = whatif_json(cli, "--answers", FEW_POSTERS, "--set", "usage.active_share=unknown")
    warning = change(data, "active-share-unknown")
    assert warning["kind"] == "warning" and warning["change"] == "added"
    assert change(data, "broaden-active-use")["change"] == "removed"


def test_same_value_says_the_advice_stays_the_same(cli):
    result = cli("whatif", "--answers", FEW_POSTERS, "--set", "usage.active_share=8")
    assert result.code == 0
    assert "No answer changed." in result.out and "The advice stays the same." in result.out


@pytest.mark.parametrize(
    ("setting", "message", "hint"),
    [
        ("usage.active_share", "expected KEY=VALUE", "--set usage.active_share=25"),
        ("usage.activ_share=25", "unknown answer 'usage.activ_share'", "did you mean usage.active_share?"),
        ("colour=blue", "unknown answer 'colour'", "keys: goals, usage.active_share"),
        ("usage.active_share=lots", "takes a percentage, not 'lots'", "a band from LOW up to HIGH such as 25-50, or unknown"),
        ("usage.active_share=150", "must be between 0 and 100, not 150", "a percentage from 0 to 100"),
        ("usage.active_frequency=hourly", "usage.active_frequency is never 'hourly'", "daily, weekly, monthly, less, unknown"),
        ("purposes.ideas=", "no value for purposes.ideas", "never, sometimes, often, unknown"),
        ("goals=alignment,world_peace", "unknown goal 'world_peace'", "alignment, engagement, efficiency"),
        # the message every channel gives for a repeated goal (answers files said so already)
        ("goals=alignment,alignment", "goal listed more than once: alignment", "list each goal once"),
    ],
)
def test_bad_settings_are_clear_errors(cli, setting, message, hint):
    result = cli("whatif", "--answers", FEW_POSTERS, "--set", setting)
    assert result.code == 2 and result.out == ""
    assert f"--set: {setting}: " in result.err
    assert message in result.err and hint in result.err
    assert "Traceback" not in result.err


def test_the_same_answer_set_twice_is_an_error(cli):
    result = cli("whatif", "--answers", FEW_POSTERS, "--set", "active_share=20", "--set", "usage.active_share=30")
    assert result.code == 2
    assert "usage.active_share is set twice" in result.err


def test_set_is_required(cli):
    result = cli("whatif", "--answers", FEW_POSTERS)
    assert result.code == 2 and "--set" in result.err


def test_dutch(cli):
    result = cli("whatif", "--answers", EXAMPLE_FILE, "--set", "usage.passive_share=80", "--lang", "nl")
    assert result.code == 0, result.err
    assert "Wat als" in result.out and "Advies ervoor" in result.out and "nu aanbevolen" in result.out
