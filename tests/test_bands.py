"""A share answered as a band (25-50): kept as the band in every output, read by the rules as the
number that stands for it, refused when no rule can decide it (docs/answers.md, "A share as a band")."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml
from measure_exports import viva_engage

from advisor.answers.read import parse_answers
from advisor.errors import AdvisorError
from advisor.reasoning.pipeline import advise
from advisor.schema import Answers
from advisor.schema.generate import shipped_schema

BAND = {"goals": ["alignment", "engagement"], "usage": {"active_share": "25-50", "passive_share": "50 tot 75%"}}


def write(tmp_path, data) -> str:
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(path)


def test_a_band_is_kept_as_the_band_and_matches_the_json_schema():
    answers = parse_answers(BAND)
    assert (answers.usage.active_share, answers.usage.passive_share) == ("25-50", "50-75")
    dumped = answers.model_dump(mode="json", exclude_none=True)
    assert dumped["usage"]["active_share"] == "25-50"
    assert Answers.model_validate(dumped) == answers  # round-trips
    schema = json.loads(shipped_schema("answers").read_text(encoding="utf-8"))
    jsonschema.validate(dumped, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**dumped, "usage": {"active_share": "25 to 50"}}, schema)


@pytest.mark.parametrize(("band", "inside"), [("0-10", [0, 5, 9.99]), ("10-25", [10, 17, 24.99]), ("25-50", [25, 37.5, 49]), ("50-100", [50, 100])])
def test_a_band_gives_the_advice_of_every_number_inside_it(band, inside):
    def key(share):
        advice = advise({"goals": ["alignment", "efficiency"], "usage": {"active_share": share}})
        return [(r.id, r.status) for r in advice.recommendations], [w.id for w in advice.warnings], advice.trace

    assert all(key(band) == key(number) for number in inside)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["the band 5-30% of usage.active_share holds shares on both sides of 10%", "active_share_low (a heuristic",
                "hint: split the band at 10: answer 5-10 or 10-30, whichever holds, or give a number"]),
        ("nl", ["de band 5-30% van usage.active_share bevat aandelen aan beide kanten van 10%", "active_share_low (een vuistregel",
                "tip: splits de band bij 10: antwoord 5-10 of 10-30, wat er geldt, of geef een getal"]),
    ],
)
def test_a_band_across_a_threshold_is_refused_with_exit_2(cli, tmp_path, lang, words):
    path = write(tmp_path, {"goals": ["alignment"], "usage": {"active_share": "5-30"}})
    result = cli("advise", path, "--lang", lang)
    assert result.code == 2 and result.out == "" and "Traceback" not in result.err
    assert f"{path}:4:3: usage.active_share: " in result.err  # line 4: goals take two lines
    for word in words:
        assert word in result.err


def test_validated_answers_with_a_band_across_a_threshold_are_refused_by_the_pipeline():
    answers = Answers.model_validate({"goals": ["engagement"], "usage": {"passive_share": "40-60"}})  # the schema knows no thresholds
    with pytest.raises(AdvisorError, match="passive_share_low"):
        advise(answers)
    from advisor.reasoning.pipeline import advisor_for

    with pytest.raises(AdvisorError, match="passive_share_low"):
        advisor_for().explain(answers)


def test_explain_json_carries_the_band_as_given(cli, tmp_path):
    result = cli("explain", "--answers", write(tmp_path, BAND), "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert {a["key"]: a["value"] for a in data["answers"]}["usage.active_share"] == "25-50"
    actual = []

    def conditions(node):
        if isinstance(node, dict):
            if node.get("subject") == "usage.active_share" and "actual" in node:
                actual.append(node["actual"])
            for value in node.values():
                conditions(value)
        elif isinstance(node, list):
            for value in node:
                conditions(value)

    conditions(data["conclusions"])
    assert actual and set(actual) == {"25-50"}  # each condition's actual value: the band, not its midpoint


@pytest.mark.parametrize(("form", "shown"), [("text", "25-50%"), ("markdown", "25-50%"), ("html", "25-50%")])
def test_the_reports_show_a_band_as_its_range(cli, tmp_path, form, shown):
    result = cli("advise", write(tmp_path, BAND), "--format", form, "--lang", "en")
    assert result.code == 0, result.err
    assert shown in result.out and "50-75%" in result.out
    assert "37.5" not in result.out and "62.5" not in result.out  # no figure made up for a band
    dutch = cli("advise", write(tmp_path, {**BAND, "usage": {"active_share": "12.5-25"}}), "--format", form, "--lang", "nl")
    assert "12,5-25%" in dutch.out


def test_the_advice_json_carries_a_band_answered_beside_measured_usage(cli, tmp_path):
    # 2 of 4 posted (50%), 3 of 4 read (75%); the manager corrects the reading share to a band
    path = viva_engage(tmp_path / "engage.csv", [("A", "Activated", 4, 12, 0), ("B", "Activated", 1, 3, 0),
                                                 ("C", "Activated", 0, 30, 0), ("D", "Activated", 0, 0, 0)])
    saved = tmp_path / "m.yaml"
    assert cli("measure", str(path), "--format", "yaml", "--out", str(saved)).code == 0
    edited = tmp_path / "answers.yaml"
    text = saved.read_text(encoding="utf-8")
    assert "passive_share: 75\n" in text
    edited.write_text("goals: [engagement]\n" + text.replace("passive_share: 75\n", "passive_share: 50-75\n"), encoding="utf-8")
    result = cli("advise", "--answers", str(edited), "--format", "json")
    assert result.code == 0, result.err
    advice = json.loads(result.out)
    assert advice["measured"]["differences"] == [{"answer": "usage.passive_share", "measured": 75, "answered": "50-75", "used": "answered"}]
    jsonschema.validate(advice, json.loads(shipped_schema("advice").read_text(encoding="utf-8")))
    assert advice["measured"]["figures"]["passive_share"]["value"] == 75  # measured usage stays exact


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_overlapping_bands_only_point_to_more_posters_than_readers(lang):
    # 25-50% posting and 5-30% reading may both hold at 27%: the warning may not say "cannot be"
    advice = advise({"goals": ["alignment"], "usage": {"active_share": "25-50", "passive_share": "5-30"}}, lang=lang)
    (warning,) = [item for item in advice.warnings if item.id == "more-posters-than-readers"]
    assert "cannot be" not in warning.text and "kan niet" not in warning.text
    assert ("counts by its middle" if lang == "en" else "telt met haar midden") in warning.text


@pytest.mark.parametrize("lang, words", [("en", "▒: a band"), ("nl", "▒: een bandbreedte")])
def test_the_chart_legend_explains_a_band_only_when_there_is_one(cli, tmp_path, lang, words):
    banded = tmp_path / "banded.yaml"
    banded.write_text("goals: [engagement]\nusage: {active_share: 10-25, passive_share: 50-75}\n", encoding="utf-8")
    exact = tmp_path / "exact.yaml"
    exact.write_text("goals: [engagement]\nusage: {active_share: 12, passive_share: 60}\n", encoding="utf-8")
    for form in ("text", "markdown"):
        assert words in " ".join(cli("advise", str(banded), "--lang", lang, "--format", form).out.split())
        assert "▒" not in cli("advise", str(exact), "--lang", lang, "--format", form).out
    # the HTML report draws a band as the lighter part of its bar, and says so
    page = " ".join(cli("advise", str(banded), "--lang", lang, "--format", "html").out.split())
    assert ("the lighter part of a bar" if lang == "en" else "het lichtere deel van een balk") in page
    assert "lighter part" not in cli("advise", str(exact), "--lang", "en", "--format", "html").out
