"""`advisor check` on the shipped knowledge (clean, with the combination figures) and on broken
copies of it, one per kind of problem, each caught with the file and the id."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
import yaml

from advisor.check import grid
from advisor.reasoning.pipeline import advise
from advisor.vocabulary import ANSWER_KEYS, GOALS


@pytest.fixture
def check(cli, request):
    """`advisor check --format json` on a copy of the knowledge (or the shipped one): the result
    and the parsed report. A test marked with the codes it provokes (check_code) runs the grid only
    when one of them is found there: the grid is most of check's time, and the load, lint and
    engine stages do not depend on it."""
    from advisor.check.registry import CODES

    codes = [marker.args[0] for marker in request.node.iter_markers("check_code")]
    grid_needed = not codes or any(CODES[code].stage == "grid" for code in codes)

    def run(knowledge_dir: Path | None = None, *extra: str):
        args = ["check", "--format", "json", *extra, *(() if grid_needed else ("--no-grid",))]
        if knowledge_dir is not None:
            args += ["--findings", str(knowledge_dir / "findings.yaml"), "--rules", str(knowledge_dir / "rules")]
        result = cli(*args)
        return result, json.loads(result.out)

    return run


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact passage of a knowledge file (and fail loudly if it is not there)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} not found once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def add_file(knowledge_dir: Path, name: str, text: str) -> Path:
    path = knowledge_dir / "rules" / name
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------------------------
# the shipped knowledge


def test_shipped_knowledge_is_clean_and_every_combination_gets_advice(cli, knowledge, check):
    result, report = check()
    assert result.code == 0, result.out
    assert report["valid"] is True and report["problems"] == []
    assert report["knowledge_version"] == knowledge.version
    assert report["counts"]["rules"] == len(knowledge.rules)
    assert report["examples"]["run"] == report["examples"]["passed"] == sum(len(r.examples) for r in knowledge.rules)
    figures = report["grid"]
    assert figures["engine"] in ("durable", "python")
    assert figures["goal_selections"] == 36 and figures["single_goals"] == 6 and figures["goal_pairs"] == 30
    assert figures["combinations"] == grid.count(knowledge) == sum(s["combinations"] for s in figures["selections"])
    assert figures["empty"] == 0 and figures["contradictory"] == 0
    assert figures["with_recommendation"] + figures["warnings_only"] == figures["combinations"]
    assert figures["warnings_only"] > 0  # e.g. every answer unknown: the needs-* warnings speak
    assert figures["combinations"] < figures["full_product"]
    assert figures["consultations"] <= figures["combinations"]
    alignment = next(s for s in figures["selections"] if s["goals"] == ["alignment"])
    assert alignment == {
        "goals": ["alignment"],
        "answers": ["usage.active_share", "purposes.strategy_dialogue"],
        "combinations": 6 * 4,  # five share bands and unknown, three levels and unknown
    }


def test_shipped_knowledge_text_prints_the_figures(cli, knowledge):
    result = cli("check", "--engine", "python")  # the other engine than the JSON test's default
    assert result.code == 0, result.out
    out = result.out
    count = grid.count(knowledge)
    assert f"Knowledge {knowledge.version}" in out
    assert f"{len(knowledge.rules)} rules" in out
    assert f"Combinations: {count:,} answers sets: 6 single goals and 30 ordered goal pairs" in out
    assert f"the full product over all nine answers would be {grid.full_product_count(knowledge):,}" in out
    assert ", 0 empty, 0 self-contradictory" in out
    assert "by the python engine in" in out
    assert out.rstrip().endswith("No problems found.")
    assert result.err == ""


def test_no_grid_skips_the_enumeration(cli, check):
    result, report = check(None, "--no-grid")
    assert result.code == 0 and report["grid"] is None and report["examples"]["passed"] > 0
    assert "Combinations: not enumerated (--no-grid)" in cli("check", "--no-grid").out


def test_dutch(cli):
    result = cli("check", "--no-grid", "--lang", "nl")
    assert result.code == 0
    assert "Voorbeelden:" in result.out and "Geen problemen gevonden." in result.out


# --------------------------------------------------------------------------------------------
# the grid itself


def test_grid_bands_cut_shares_at_the_parameters(knowledge):
    low, high = knowledge.param("active_share_low"), knowledge.param("active_share_high")
    values = [band.value for band in grid.bands(knowledge, "usage.active_share")]
    assert values == [low / 2, low, (low + high) / 2, high, (high + 100) / 2, "unknown"]
    assert [band.value for band in grid.bands(knowledge, "purposes.ideas")] == ["never", "sometimes", "often", "unknown"]
    assert len(grid.bands(knowledge, "usage.active_frequency")) == 5


def test_grid_yields_valid_answers_and_counts_them(knowledge):
    selections = grid.goal_selections()
    assert len(selections) == len(GOALS) + len(GOALS) * (len(GOALS) - 1)
    total = 0
    seen_goals = set()
    for answers in grid.combinations(knowledge):
        total += 1
        seen_goals.add(tuple(answers["goals"]))
        assert set(answers["usage"]) | {f"purposes.{k}" for k in answers["purposes"]} >= {"active_share"}
    assert total == grid.count(knowledge)
    assert seen_goals == set(selections)
    every_unknown = grid.answers_dict(["knowledge_sharing"], {})
    advice = advise(every_unknown, knowledge=knowledge)  # valid input for advise
    assert advice.recommendations == [] and {w.id for w in advice.warnings} >= {"active-share-unknown", "ideas-unknown"}


def test_grid_varies_only_the_answers_the_goals_need(knowledge):
    needed = grid.needed(knowledge, ("effectiveness",))
    assert needed == ["purposes.expertise"]
    for answers in grid.combinations_for(knowledge, ("effectiveness",)):
        others = [key for key in ANSWER_KEYS if key not in needed]
        assert all(answers[key.split(".")[0]][key.split(".")[1]] == "unknown" for key in others)


# --------------------------------------------------------------------------------------------
# broken knowledge: one fixture per kind of problem


def problems(report: dict, code: str) -> list[dict]:
    found = [p for p in report["problems"] if p["code"] == code]
    assert found, f"no {code} problem in {[(p['code'], p['id']) for p in report['problems']]}"
    return found


def assert_caught(result, report, code: str, id_: str, file: str, exit_code: int, words: str = "") -> dict:
    assert result.code == exit_code, result.out
    found = [p for p in problems(report, code) if p["id"] == id_]
    assert found, f"{code} not reported for {id_!r}: {report['problems']}"
    worded = [p for p in found if words in p["message"] + (p["hint"] or "")]
    assert worded, found
    problem = worded[0]
    assert Path(problem["source"]).as_posix().endswith(file), problem
    return problem


# -- unreadable or invalid input: exit 2


@pytest.mark.check_code("schema")
def test_schema_error(cli, knowledge_copy, check):
    edit(knowledge_copy / "rules" / "alignment.yaml", "      recommend: broaden-active-use", "      recomend: broaden-active-use")
    result, report = check(knowledge_copy)
    problem = assert_caught(result, report, "schema", "alignment-broaden-active-use", "rules/alignment.yaml", 2)
    assert problem["line"] and problem["field"].startswith("rules[0].then")
    assert report["valid"] is False


@pytest.mark.check_code("invalid-yaml")
def test_invalid_yaml(cli, knowledge_copy, check):
    edit(knowledge_copy / "rules" / "engagement.yaml", "rules:\n", "rules:\n  - id: [unclosed\n")
    result, report = check(knowledge_copy)
    assert result.code == 2
    [problem] = problems(report, "invalid-yaml")
    assert problem["source"].endswith("rules/engagement.yaml") and problem["line"] in (6, 7)  # at or just after the break


@pytest.mark.check_code("duplicate-id")
def test_duplicate_id(cli, knowledge_copy, check):
    text = (knowledge_copy / "rules" / "communication_satisfaction.yaml").read_text(encoding="utf-8")
    add_file(knowledge_copy, "zz-copy.yaml", text)
    result, report = check(knowledge_copy)
    problem = assert_caught(
        result, report, "duplicate-id", "communication-satisfaction-no-relation", "rules/zz-copy.yaml", 2,
        "duplicate id 'communication-satisfaction-no-relation'",
    )
    assert "communication_satisfaction.yaml" in problem["hint"]  # where it was first defined


@pytest.mark.check_code("dangling-id")
def test_dangling_finding_id(cli, knowledge_copy, check):
    rule = "    when:\n      - goal: effectiveness\n      - answer: purposes.expertise\n        in: [never, sometimes]"
    edit(
        knowledge_copy / "rules" / "effectiveness.yaml",
        "    findings: [effectiveness-expertise]\n" + rule,
        "    findings: [effectiveness-expertize]\n" + rule,
    )
    result, report = check(knowledge_copy)
    assert_caught(
        result, report, "dangling-id", "effectiveness-use-for-expertise", "rules/effectiveness.yaml", 2,
        "unknown finding 'effectiveness-expertize'",
    )


@pytest.mark.check_code("no-examples")
def test_rule_without_examples(cli, knowledge_copy, check):
    edit(
        knowledge_copy / "rules" / "communication_satisfaction.yaml",
        "    examples:\n"
        "      - case: chosen\n"
        "        fires: true\n"
        "        answers: {goals: [communication_satisfaction], usage: {active_share: 50}}\n"
        "      - case: not-chosen\n"
        "        fires: false\n"
        "        answers: {goals: [engagement], usage: {}}\n",
        "    examples: []\n",
    )
    result, report = check(knowledge_copy)
    assert_caught(
        result, report, "no-examples", "communication-satisfaction-no-relation",
        "rules/communication_satisfaction.yaml", 2,
    )


@pytest.mark.check_code("missing-translation")
def test_text_missing_in_a_language(cli, knowledge_copy, check):
    recommendations = knowledge_copy / "rules" / "catalog" / "recommendations.yaml"
    edit(recommendations, '      nl: "Voer ondersteunende processen uit via het platform"\n', "")
    result, report = check(knowledge_copy)
    problem = assert_caught(
        result, report, "missing-translation", "use-for-processes", "rules/catalog/recommendations.yaml", 2
    )
    assert problem["field"].endswith("title.nl")


@pytest.mark.check_code("unreadable")
def test_unreadable_rules_directory(cli, tmp_path):
    result = cli("check", "--rules", str(tmp_path / "missing"))
    assert result.code == 2
    assert "missing: unreadable: not a directory of rule files" in result.out


# -- lint problems: exit 3


@pytest.mark.check_code("uncited-finding")
def test_finding_never_cited(cli, knowledge_copy, check):
    edit(knowledge_copy / "findings.yaml", "statements:\n", """  - id: engagement-passive-frequency
    construct: engagement
    usage: passive_frequency
    relation: not_shown
    summary:
      en: "That reading more often relates to engagement is not shown."
      nl: "Dat vaker lezen samenhangt met betrokkenheid is niet aangetoond."
    quote: "Hier geldt dat hoe vaker een kleine groep content post."

statements:
""")
    result, report = check(knowledge_copy, "--no-grid")
    assert_caught(result, report, "uncited-finding", "engagement-passive-frequency", "findings.yaml", 3, "cited by no rule")


@pytest.mark.check_code("example-fails")
def test_rule_failing_its_own_example(cli, knowledge_copy, check):
    edit(knowledge_copy / "rules" / "derive.yaml",
         "      - case: few-posters\n        fires: true\n        answers: {goals: [alignment], usage: {active_share: 4}}",
         "      - case: few-posters\n        fires: true\n        answers: {goals: [alignment], usage: {active_share: 40}}")
    result, report = check(knowledge_copy, "--no-grid")
    problem = assert_caught(
        result, report, "example-fails", "active-breadth-low", "rules/derive.yaml", 3,
        "fails its example 'few-posters': the rule should fire, but does not",
    )
    assert problem["field"] == "rules[0].examples[0]" and problem["line"]
    assert report["examples"]["passed"] == report["examples"]["run"] - 1


DEAD_RULE = """rules:
  - id: alignment-impossible-share
    description: {en: "A share below 10 and above 50 at once, which no answer is.", nl: "Een aandeel onder 10 en boven 50 tegelijk, wat geen antwoord is."}
    findings: [alignment-active-breadth]
    when:
      - goal: alignment
      - answer: usage.active_share
        lt: 10  # on the edges of the questionnaire's bands, which must not straddle a threshold
        gt: 50
    then:
      recommend: broaden-active-use
    examples:
      - case: never
        fires: false
        answers: {goals: [alignment], usage: {active_share: 3}}
      - case: still-never
        fires: true
        answers: {goals: [alignment], usage: {active_share: 60}}
"""


@pytest.mark.check_code("never-fires")
def test_rule_that_can_never_fire(cli, knowledge_copy, check):
    add_file(knowledge_copy, "dead.yaml", DEAD_RULE)
    result, report = check(knowledge_copy, "--no-grid")
    problem = assert_caught(result, report, "never-fires", "alignment-impossible-share", "rules/dead.yaml", 3, "can never fire")
    assert "never met" in problem["hint"] or "never all of them together" in problem["hint"]


CONTRADICTING_RULE = """rules:
  - id: alignment-sustain-moderate-use
    description: {en: "For alignment, a moderate share posting is already enough to keep.", nl: "Voor alignment is een gemiddeld aandeel posters al genoeg om vast te houden."}
    findings: [alignment-active-breadth]
    when:
      - goal: alignment
      - derived: active_breadth
        is: moderate
    then:
      recommend: sustain-broad-active-use
    examples:
      - case: moderate
        fires: true
        answers: {goals: [alignment], usage: {active_share: 15}}
      - case: low
        fires: false
        answers: {goals: [alignment], usage: {active_share: 5}}
"""


@pytest.mark.check_code("contradiction")
def test_two_rules_concluding_opposite_things_from_the_same_facts(cli, knowledge_copy, check):
    # alignment-broaden-active-use (gap) also fires on a moderate share, for the same goal
    add_file(knowledge_copy, "contradicting.yaml", CONTRADICTING_RULE)
    result, report = check(knowledge_copy, "--no-grid")
    problem = assert_caught(
        result, report, "contradiction", "alignment-sustain-moderate-use", "rules/contradicting.yaml", 3,
        "'alignment-broaden-active-use' and 'alignment-sustain-moderate-use' recommend",
    )
    assert "on active_breadth for alignment" in problem["message"]
    share = float(problem["hint"].split("usage.active_share=")[1].split(";")[0])
    assert 10 <= share < 25  # an answers set on which both fire: a moderate share


@pytest.mark.check_code("derive-conflict")
def test_two_rules_deriving_different_values_from_the_same_answers(cli, knowledge_copy, check):
    add_file(knowledge_copy, "overlap.yaml", """rules:
  - id: active-breadth-fair
    description: {en: "Between 20 and 40 percent counts as moderate (overlapping the high mark).", nl: "Tussen 20 en 40 procent telt als gemiddeld (over de hoge grens heen)."}
    when:
      - answer: usage.active_share
        gte: 20
        lt: 40
    then:
      derive: {active_breadth: moderate}
    examples:
      - case: thirty
        fires: true
        answers: {goals: [alignment], usage: {active_share: 30}}
      - case: ten
        fires: false
        answers: {goals: [alignment], usage: {active_share: 10}}
""")
    result, report = check(knowledge_copy, "--no-grid")
    assert_caught(
        result, report, "derive-conflict", "active-breadth-fair", "rules/overlap.yaml", 3,
        "derive active_breadth both as 'high' and as 'moderate'",
    )


@pytest.mark.check_code("unused-parameter")
def test_parameter_unused(cli, knowledge_copy, check):
    edit(knowledge_copy / "rules" / "catalog" / "parameters.yaml", "  - name: often\n", """  - name: lurker_share
    value: 90
    unit: percent of employees who only read
    description: {en: "The share of members who only read, in the 90-9-1 pattern.", nl: "Het aandeel leden dat alleen leest, in het 90-9-1-patroon."}
    provenance: {en: "Participation inequality, the 90-9-1 rule (Nielsen, 2006).", nl: "Participatie-ongelijkheid, de 90-9-1-regel (Nielsen, 2006)."}

  - name: often
""")
    result, report = check(knowledge_copy, "--no-grid")
    assert_caught(result, report, "unused-parameter", "lurker_share", "rules/catalog/parameters.yaml", 3, "used by no rule")


def test_parameters_of_the_measurement_count_as_used(cli, knowledge, check):
    # frequency_daily, _weekly and _monthly are read by advisor measure, not by a rule
    measured = [p.name for p in knowledge.parameters.values() if p.used_by == "measurement"]
    assert measured == ["frequency_daily", "frequency_weekly", "frequency_monthly"]
    result, report = check(None, "--no-grid")
    assert result.code == 0 and report["problems"] == []


@pytest.mark.check_code("unused-parameter")
def test_parameter_marked_for_the_measurement_that_it_does_not_read(cli, knowledge_copy, check):
    edit(knowledge_copy / "rules" / "catalog" / "parameters.yaml", "  - name: often\n", """  - name: frequency_hourly
    value: 600
    unit: times per person per 30 days
    used_by: measurement
    description: {en: "From this median rate per 30 days on, a measured frequency counts as hourly.", nl: "Vanaf dit mediane aantal per 30 dagen telt een gemeten frequentie als elk uur."}
    provenance: {en: "Heuristic, not from the study, and read by nothing at all.", nl: "Vuistregel, niet uit het onderzoek, en door niets gelezen."}

  - name: often
""")
    result, report = check(knowledge_copy, "--no-grid")
    assert_caught(result, report, "unused-parameter", "frequency_hourly", "rules/catalog/parameters.yaml", 3, "advisor measure does not read it")


@pytest.mark.check_code("unused-parameter")
def test_a_rule_parameter_is_still_unused_when_the_measurement_marks_another(cli, knowledge_copy, check):
    # the measurement's parameters do not weaken the check for the others
    edit(knowledge_copy / "rules" / "catalog" / "parameters.yaml", "  - name: often\n", """  - name: lurker_share
    value: 90
    unit: percent of employees who only read
    used_by: rules
    description: {en: "The share of members who only read, in the 90-9-1 pattern.", nl: "Het aandeel leden dat alleen leest, in het 90-9-1-patroon."}
    provenance: {en: "Participation inequality, the 90-9-1 rule (Nielsen, 2006); not from the study.", nl: "Participatie-ongelijkheid, de 90-9-1-regel (Nielsen, 2006); niet uit het onderzoek."}

  - name: often
""")
    result, report = check(knowledge_copy, "--no-grid")
    assert_caught(result, report, "unused-parameter", "lurker_share", "rules/catalog/parameters.yaml", 3, "used by no rule")


@pytest.mark.check_code("invalid-parameter")
def test_measurement_parameter_not_marked(cli, knowledge_copy, check):
    edit(knowledge_copy / "rules" / "catalog" / "parameters.yaml",
         "  - name: frequency_weekly\n    value: 4\n    unit: times per person per 30 days (posts, reads, or days active)\n    used_by: measurement\n",
         "  - name: frequency_weekly\n    value: 4\n    unit: times per person per 30 days (posts, reads, or days active)\n")
    result, report = check(knowledge_copy, "--no-grid")
    assert_caught(result, report, "invalid-parameter", "frequency_weekly", "rules/catalog/parameters.yaml", 3, "used_by: measurement")
    assert [p["code"] for p in report["problems"]] == ["invalid-parameter"]  # reported once


@pytest.mark.check_code("invalid-parameter")
def test_measurement_thresholds_out_of_order(cli, knowledge_copy, check):
    edit(knowledge_copy / "rules" / "catalog" / "parameters.yaml", "  - name: frequency_weekly\n    value: 4\n",
         "  - name: frequency_weekly\n    value: 25\n")
    result, report = check(knowledge_copy, "--no-grid")
    assert_caught(result, report, "invalid-parameter", "frequency_weekly", "rules/catalog/parameters.yaml", 3, "must fall")


@pytest.mark.check_code("missing-parameter")
def test_measurement_parameter_missing(cli, knowledge_copy, check):
    path = knowledge_copy / "rules" / "catalog" / "parameters.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("  - name: frequency_monthly")], encoding="utf-8")
    result, report = check(knowledge_copy, "--no-grid")
    assert_caught(result, report, "missing-parameter", "frequency_monthly", "rules", 3, "advisor measure reads it")


@pytest.mark.check_code("undocumented-parameter")
def test_parameter_undocumented(cli, knowledge_copy, check):
    edit(knowledge_copy / "rules" / "catalog" / "parameters.yaml",
         "      en: >-\n        Heuristic, not from the study: the complement of `often`.",
         "      en: TODO")
    result, report = check(knowledge_copy, "--no-grid")
    problem = assert_caught(
        result, report, "undocumented-parameter", "seldom", "rules/catalog/parameters.yaml", 3, "no real provenance"
    )
    assert problem["field"].endswith("provenance.en")


@pytest.mark.check_code("undocumented-parameter")
def test_parameter_provenance_must_say_it_is_not_from_the_study(cli, knowledge_copy, check):
    edit(knowledge_copy / "rules" / "catalog" / "parameters.yaml",
         "Heuristic, not from the study: the complement of `often`.",
         "Heuristic of practice: the complement of `often`, as usual.")
    result, report = check(knowledge_copy, "--no-grid")
    problem = assert_caught(
        result, report, "undocumented-parameter", "seldom", "rules/catalog/parameters.yaml", 3, "not from the study"
    )
    assert problem["field"].endswith("provenance")


@pytest.mark.check_code("untranslated")
def test_text_left_untranslated(cli, knowledge_copy, check):
    notices = knowledge_copy / "rules" / "catalog" / "notices.yaml"
    english = (
        "You don't know how often supporting processes run on the platform, "
        "and the advice for knowledge sharing depends on it."
    )
    dutch = (
        "U weet niet hoe vaak ondersteunende processen via het platform lopen, "
        "en het advies voor kennisdeling hangt ervan af."
    )
    edit(notices, f'      nl: "{dutch}"', f'      nl: "{english}"')  # the English text, copied over
    result, report = check(knowledge_copy, "--no-grid")
    problem = assert_caught(result, report, "untranslated", "processes-unknown", "rules/catalog/notices.yaml", 3, "Dutch")
    assert problem["field"].endswith("text.nl")


@pytest.mark.check_code("unused-recommendation")
def test_recommendation_no_rule_concludes(cli, knowledge_copy, check):
    alignment = knowledge_copy / "rules" / "alignment.yaml"
    edit(alignment, "      recommend: sustain-strategy-dialogue", "      recommend: open-strategy-dialogue")
    result, report = check(knowledge_copy, "--no-grid")
    assert_caught(
        result, report, "unused-recommendation", "sustain-strategy-dialogue", "rules/catalog/recommendations.yaml", 3
    )


@pytest.mark.check_code("unused-notice")
def test_notice_no_rule_concludes(cli, knowledge_copy, check):
    edit(knowledge_copy / "rules" / "engagement.yaml", "      caveat: engagement-number-of-posters", "      caveat: goal-first")
    result, report = check(knowledge_copy, "--no-grid")
    assert_caught(result, report, "unused-notice", "engagement-number-of-posters", "rules/catalog/notices.yaml", 3)


@pytest.mark.check_code("ambiguous-id")
def test_one_id_for_a_recommendation_and_a_notice(cli, knowledge_copy, check):
    add_file(knowledge_copy, "notice.yaml", """notices:
  - id: use-for-ideas
    kind: caveat
    text:
      en: "Ideas are among the least used purposes of internal social media."
      nl: "Ideeën horen bij de minst gebruikte toepassingen van interne social media."
""")
    result, report = check(knowledge_copy, "--no-grid")
    assert_caught(result, report, "ambiguous-id", "use-for-ideas", "rules/notice.yaml", 3, "names both a recommendation and a caveat")


@pytest.mark.check_code("derive-cycle")
def test_derive_cycle(cli, knowledge_copy, check):
    add_file(knowledge_copy, "cycle.yaml", """rules:
  - id: active-breadth-echo
    description: {en: "Low active breadth stays low (derives what it reads).", nl: "Lage actieve breedte blijft laag (leidt af wat ze leest)."}
    when:
      - derived: active_breadth
        is: low
    then:
      derive: {active_breadth: low}
    examples:
      - case: low
        fires: true
        answers: {goals: [alignment], usage: {active_share: 4}}
      - case: high
        fires: false
        answers: {goals: [alignment], usage: {active_share: 40}}
""")
    result, report = check(knowledge_copy)
    # refused by the loader: no engine can order rules that derive in a cycle
    assert_caught(result, report, "derive-cycle", "active-breadth-echo", "rules/cycle.yaml", 2, "active-breadth-echo -> active-breadth-echo")
    assert report["valid"] is False and report["grid"] is None
    assert "derive-cycle [active-breadth-echo]" in cli(
        "check", "--findings", str(knowledge_copy / "findings.yaml"), "--rules", str(knowledge_copy / "rules")
    ).out


def _only(knowledge_copy: Path, keep: set[str]) -> None:
    """Keep only some goal rule files, so the grid is small (the catalog stays)."""
    for path in (knowledge_copy / "rules").glob("*.yaml"):
        if path.name not in keep:
            path.unlink()


@pytest.mark.check_code("empty-advice")
def test_answers_sets_with_empty_advice(cli, knowledge_copy, check):
    # without its rules and its needs-* warning, effectiveness gets no recommendation and no warning
    _only(knowledge_copy, {"derive.yaml", "general.yaml", "alignment.yaml"})
    general = knowledge_copy / "rules" / "general.yaml"
    text = general.read_text(encoding="utf-8")
    start = text.index("  - id: needs-expertise")
    end = text.index("  - id: needs-processes")
    general.write_text(text[:start] + text[end:], encoding="utf-8")
    result, report = check(knowledge_copy)
    assert result.code == 3
    [problem] = [p for p in problems(report, "empty-advice") if p["id"] == "effectiveness"]
    assert problem["source"].endswith("rules") and "1 of 1 answers sets for goals effectiveness" in problem["message"]
    assert "goals=effectiveness" in problem["hint"]
    assert report["grid"]["empty"] >= 1
    # a pair with a goal that does get advice is not empty
    assert not [p for p in report["problems"] if p["code"] == "empty-advice" and "alignment" in p["id"]]


@pytest.mark.check_code("contradictory-advice")
def test_self_contradictory_advice_in_the_grid(cli, knowledge_copy, check):
    _only(knowledge_copy, {"derive.yaml", "general.yaml", "alignment.yaml"})
    add_file(knowledge_copy, "contradicting.yaml", CONTRADICTING_RULE)
    result, report = check(knowledge_copy)
    assert result.code == 3
    problem = assert_caught(result, report, "contradictory-advice", "alignment-sustain-moderate-use", "rules/contradicting.yaml", 3)
    assert "a gap ('alignment-broaden-active-use') and a sustain ('alignment-sustain-moderate-use')" in problem["message"]
    assert report["grid"]["contradictory"] > 0


def test_text_names_file_line_code_and_id(cli, knowledge_copy):
    add_file(knowledge_copy, "dead.yaml", DEAD_RULE)
    result = cli("check", "--no-grid", "--findings", str(knowledge_copy / "findings.yaml"), "--rules", str(knowledge_copy / "rules"))
    assert result.code == 3
    line = next(line for line in result.out.splitlines() if "never-fires" in line)
    assert line.startswith(str(knowledge_copy / "rules" / "dead.yaml") + ":5:5: never-fires [alignment-impossible-share]")  # at `when`
    assert "Problems: " in result.out


def test_a_copy_of_the_shipped_knowledge_is_clean(cli, knowledge_copy, check):
    result, report = check(knowledge_copy, "--no-grid")
    assert result.code == 0 and report["problems"] == []


def test_findings_path_alone(cli, knowledge_copy, tmp_path, check):
    findings = tmp_path / "findings.yaml"
    shutil.copy(knowledge_copy / "findings.yaml", findings)
    result, report = check(None, "--no-grid", "--findings", str(findings))
    assert result.code == 0 and report["findings_path"] == str(findings)


# -- the knowledge says no more than the source: one broken copy per check


@pytest.mark.check_code("quote-not-verbatim")
def test_quote_not_verbatim(cli, knowledge_copy, check):
    edit(knowledge_copy / "findings.yaml",
         'quote: "Het blijkt dat bij organisaties waar meer mensen posten en reageren op interne social media ook meer',
         'quote: "Het blijkt dat bij organisaties waar veel mensen posten en reageren op interne social media ook meer')
    result, report = check(knowledge_copy, "--no-grid")
    problem = assert_caught(
        result, report, "quote-not-verbatim", "alignment-active-breadth", "findings.yaml", 3, "not a passage of the source text"
    )
    assert problem["field"] == "findings[0].quote" and problem["line"]
    assert "'Het blijkt dat bij organisaties waar '" in problem["message"]  # where it stops agreeing


@pytest.mark.check_code("quote-not-verbatim")
def test_a_typo_of_the_source_may_be_marked_sic_but_not_corrected(cli, knowledge_copy, check):
    findings = knowledge_copy / "findings.yaml"
    edit(findings, "(jn [sic] mindere mate)", "(in mindere mate)")  # corrected: no longer the source's words
    result, report = check(knowledge_copy, "--no-grid")
    assert_caught(result, report, "quote-not-verbatim", "correlation-not-causation", "findings.yaml", 3)
    edit(findings, "(in mindere mate)", "(jn mindere mate)")  # verbatim without the mark: fine for check
    result, report = check(knowledge_copy, "--no-grid")
    assert result.code == 0, report["problems"]


@pytest.mark.check_code("lever-without-finding")
def test_recommendation_steering_on_a_lever_without_a_finding(cli, knowledge_copy, check):
    recommendations = knowledge_copy / "rules" / "catalog" / "recommendations.yaml"
    edit(recommendations, "    basis: conclusion  # alignment-through-dialogue: the study did not measure this use\n    levers: [strategy_dialogue]\n    weight: 20\n    title:\n      en: \"Hold",
         "    levers: [strategy_dialogue]\n    weight: 20\n    title:\n      en: \"Hold")
    result, report = check(knowledge_copy, "--no-grid")
    problem = assert_caught(
        result, report, "lever-without-finding", "open-strategy-dialogue", "rules/catalog/recommendations.yaml", 3,
        "steers on strategy_dialogue for alignment (rule 'alignment-strategy-dialogue')",
    )
    assert problem["field"].endswith("levers[0]") and "basis: conclusion" in problem["hint"]


@pytest.mark.check_code("lever-without-finding")
def test_recommendation_resting_on_a_conclusion_the_rule_does_not_cite(cli, knowledge_copy, check):
    edit(knowledge_copy / "rules" / "alignment.yaml",
         "    findings: [alignment-through-dialogue, alignment-active-breadth]\n    when:\n      - goal: alignment\n      - answer: purposes.strategy_dialogue\n        in:",
         "    findings: [alignment-active-breadth]\n    when:\n      - goal: alignment\n      - answer: purposes.strategy_dialogue\n        in:")
    result, report = check(knowledge_copy, "--no-grid")
    assert_caught(
        result, report, "lever-without-finding", "open-strategy-dialogue", "rules/catalog/recommendations.yaml", 3,
        "rests on an authors' conclusion, but rule 'alignment-strategy-dialogue' cites none",
    )


@pytest.mark.check_code("lever-without-finding")
def test_goal_profile_steering_on_a_lever_without_a_finding(cli, knowledge_copy, check):
    edit(knowledge_copy / "rules" / "catalog" / "goals.yaml",
         "    steer_on: [active_breadth]\n    suggested: [strategy_dialogue]",
         "    steer_on: [active_breadth, strategy_dialogue]")
    result, report = check(knowledge_copy, "--no-grid")
    problem = assert_caught(
        result, report, "lever-without-finding", "alignment", "rules/catalog/goals.yaml", 3,
        "the alignment profile steers on strategy_dialogue without a positive finding",
    )
    assert problem["field"].endswith("steer_on[1]")


@pytest.mark.check_code("untested-none")
def test_none_without_the_word_significant(cli, knowledge_copy, check):
    edit(knowledge_copy / "findings.yaml",
         "    usage: passive_breadth\n    relation: not_shown\n    inferred: true\n    summary:\n      en: \"Only active use",
         "    usage: passive_breadth\n    relation: none\n    inferred: true\n    summary:\n      en: \"Only active use")
    result, report = check(knowledge_copy, "--no-grid")
    problem = assert_caught(
        result, report, "untested-none", "knowledge-sharing-passive-breadth", "findings.yaml", 3, "does not say 'significant'"
    )
    assert problem["field"].endswith("relation")


@pytest.mark.check_code("inferred-without-note")
def test_inferred_relation_without_its_note(cli, knowledge_copy, check):
    findings = knowledge_copy / "findings.yaml"
    text = findings.read_text(encoding="utf-8")
    start = text.index("  - id: knowledge-sharing-passive-frequency")
    note = text.index("    note:", start)
    end = text.index("\n\n", note)
    findings.write_text(text[:note] + text[end + 1 :], encoding="utf-8")
    result, report = check(knowledge_copy, "--no-grid")
    problem = assert_caught(
        result, report, "inferred-without-note", "knowledge-sharing-passive-frequency", "findings.yaml", 3, "no note"
    )
    assert problem["field"].endswith("inferred")


@pytest.mark.check_code("causal-wording")
def test_causal_wording_in_english_and_in_dutch(cli, knowledge_copy, check):
    recommendations = knowledge_copy / "rules" / "catalog" / "recommendations.yaml"
    edit(recommendations, "Many employees already post or react. The study relates this use to the goals it serves: protect it.",
         "Many employees already post or react, which increases alignment: protect it.")
    edit(recommendations, "Te weinig medewerkers lezen op het platform.", "Meer lezers zorgt voor betrokkenheid.")
    result, report = check(knowledge_copy, "--no-grid")
    english = assert_caught(
        result, report, "causal-wording", "sustain-broad-active-use", "rules/catalog/recommendations.yaml", 3, "'increases'"
    )
    assert english["field"].endswith("summary.en") and "allow:" in english["hint"]
    dutch = assert_caught(result, report, "causal-wording", "widen-readership", "rules/catalog/recommendations.yaml", 3, "'zorgt voor'")
    assert dutch["field"].endswith("summary.nl")


@pytest.mark.check_code("causal-wording")
def test_causal_wording_allowed_with_a_reason(cli, knowledge_copy, check):
    notices = knowledge_copy / "rules" / "catalog" / "notices.yaml"
    edit(notices, "a campaign aimed only at more readers is not backed", "a campaign that only increases readership is not backed")
    result, report = check(knowledge_copy, "--no-grid")
    assert_caught(result, report, "causal-wording", "reading-not-shown-alignment", "rules/catalog/notices.yaml", 3)
    edit(notices, "wordt voor dit doel dus niet door het onderzoek gesteund.\"\n",
         "wordt voor dit doel dus niet door het onderzoek gesteund.\"\n"
         "      allow:\n        - word: increases\n          reason: \"about readership, a use; it claims nothing about an outcome\"\n")
    result, report = check(knowledge_copy, "--no-grid")
    assert result.code == 0, report["problems"]


@pytest.mark.check_code("stale-exemption")
def test_stale_exemption(cli, knowledge_copy, check):
    edit(knowledge_copy / "findings.yaml",
         "internal communication will be disappointed.", "internal communication is disappointed.")
    result, report = check(knowledge_copy, "--no-grid")
    problem = assert_caught(result, report, "stale-exemption", "no-miracle-cure", "findings.yaml", 3, "allows 'will'")
    assert problem["field"].endswith("summary.allow[0]")


@pytest.mark.check_code("translation-mismatch")
def test_dutch_and_english_naming_different_findings(cli, knowledge_copy, check):
    edit(knowledge_copy / "rules" / "catalog" / "notices.yaml",
         "en het advies voor kennisdeling hangt ervan af.", "en het advies hangt ervan af.")
    result, report = check(knowledge_copy, "--no-grid")
    problem = assert_caught(
        result, report, "translation-mismatch", "processes-unknown", "rules/catalog/notices.yaml", 3,
        "only in English: knowledge_sharing",
    )
    assert problem["field"].endswith("text")


@pytest.mark.check_code("duplicate-pair")
def test_two_findings_for_one_pair(cli, knowledge_copy, check):
    edit(knowledge_copy / "findings.yaml", "  - id: alignment-passive-frequency\n    construct: alignment\n    usage: passive_frequency",
         "  - id: alignment-passive-frequency\n    construct: alignment\n    usage: passive_breadth")
    result, report = check(knowledge_copy, "--no-grid")
    assert_caught(
        result, report, "duplicate-pair", "alignment-passive-frequency", "findings.yaml", 3,
        "'alignment-passive-frequency' and 'alignment-passive-breadth' are both about alignment × passive_breadth",
    )


@pytest.mark.check_code("strategy-not-one-sentence")
def test_strategy_of_two_sentences(cli, knowledge_copy, check):
    edit(knowledge_copy / "rules" / "catalog" / "goals.yaml",
         "Steer on reach and rhythm: that more employees read", "Steer on reach and rhythm. That more employees read")
    result, report = check(knowledge_copy, "--no-grid")
    problem = assert_caught(result, report, "strategy-not-one-sentence", "engagement", "rules/catalog/goals.yaml", 3)
    assert problem["field"].endswith("strategy.en")


@pytest.mark.check_code("description-not-one-line")
def test_description_over_two_lines(cli, knowledge_copy, check):
    edit(knowledge_copy / "rules" / "alignment.yaml",
         '      en: "For alignment, too few employees post or react."',
         '      en: "For alignment, too few employees post or react.\\nSee the finding."')
    result, report = check(knowledge_copy, "--no-grid")
    assert_caught(result, report, "description-not-one-line", "alignment-broaden-active-use", "rules/alignment.yaml", 3)



@pytest.mark.check_code("no-evidence")
def test_rule_that_advises_without_citing_findings(cli, knowledge_copy, check):
    edit(knowledge_copy / "rules" / "alignment.yaml",
         "    findings: [alignment-active-breadth]\n    when:\n      - goal: alignment\n      - derived: active_breadth\n        in: [low, moderate]",
         "    findings: []\n    when:\n      - goal: alignment\n      - derived: active_breadth\n        in: [low, moderate]")
    result, report = check(knowledge_copy)
    problem = assert_caught(
        result, report, "no-evidence", "alignment-broaden-active-use", "rules/alignment.yaml", 2, "must cite the findings"
    )
    assert problem["field"] == "rules[0].findings"


@pytest.mark.check_code("invalid-test")
def test_test_for_a_value_the_answer_never_has(cli, knowledge_copy, check):
    edit(knowledge_copy / "rules" / "alignment.yaml",
         "      - derived: active_breadth\n        in: [low, moderate]\n    then:\n      recommend: broaden-active-use",
         "      - derived: active_breadth\n        in: [low, middling]\n    then:\n      recommend: broaden-active-use")
    result, report = check(knowledge_copy)
    problem = assert_caught(
        result, report, "invalid-test", "alignment-broaden-active-use", "rules/alignment.yaml", 2,
        "active_breadth is never 'middling'",
    )
    assert "high, low, moderate" in problem["hint"]


def _drop(path: Path, section: str, key: str, value: str) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data[section] = [item for item in data[section] if item[key] != value]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.check_code("incomplete-catalog")
def test_goal_without_profile_and_answer_without_question(cli, knowledge_copy, check):
    catalog = knowledge_copy / "rules" / "catalog"
    _drop(catalog / "questions.yaml", "questions", "key", "usage.passive_frequency")
    result, report = check(knowledge_copy)
    assert_caught(result, report, "incomplete-catalog", "usage.passive_frequency", "rules", 2, "no question for")
    _drop(catalog / "goals.yaml", "goals", "goal", "effectiveness")
    result, report = check(knowledge_copy)
    assert_caught(result, report, "incomplete-catalog", "effectiveness", "rules", 2, "no goal profile for 'effectiveness'")


@pytest.mark.check_code("missing-wording")
def test_language_without_its_wording(cli, knowledge_copy, check):
    wording = knowledge_copy / "rules" / "catalog" / "wording.yaml"
    original = wording.read_text(encoding="utf-8")
    _drop(wording, "wording", "lang", "nl")
    result, report = check(knowledge_copy, "--no-grid")
    problem = assert_caught(result, report, "missing-wording", "nl", "rules", 3, "no wording for Dutch (nl)")
    assert "- lang: nl" in problem["hint"]
    # a language whose wording names other outcomes than English: its texts cannot be compared
    line = "      expertise: ['\\bexpertise\\b']\n"
    at = original.rindex(line)  # in the Dutch wording
    wording.write_text(original[:at] + original[at + len(line):], encoding="utf-8")
    result, report = check(knowledge_copy, "--no-grid")
    problem = assert_caught(result, report, "missing-wording", "nl", "rules/catalog/wording.yaml", 3, ": expertise")
    assert problem["field"] == "wording[1].names"


def test_the_wording_is_data_a_domain_expert_extends(cli, knowledge_copy, check):
    """A causal word added to rules/catalog/wording.yaml is then found in every text."""
    recommendations = knowledge_copy / "rules" / "catalog" / "recommendations.yaml"
    edit(recommendations, "Te weinig medewerkers lezen op het platform.", "Te weinig medewerkers lezen; lezen bevordert betrokkenheid.")
    result, report = check(knowledge_copy, "--no-grid")
    assert result.code == 0, report["problems"]  # not (yet) a causal word
    edit(knowledge_copy / "rules" / "catalog" / "wording.yaml",
         "      - '\\b(zal|zullen)\\b'\n", "      - '\\b(zal|zullen)\\b'\n      - '\\bbevorder(t|en|de|den)?\\b'\n")
    result, report = check(knowledge_copy, "--no-grid")
    problem = assert_caught(result, report, "causal-wording", "widen-readership", "rules/catalog/recommendations.yaml", 3, "'bevordert'")
    assert problem["field"].endswith("summary.nl")


def test_a_wording_that_is_no_regular_expression_is_refused(cli, knowledge_copy, check):
    edit(knowledge_copy / "rules" / "catalog" / "wording.yaml", "      - '\\bwill\\b'\n", "      - '\\bwill(\\b'\n")
    result, report = check(knowledge_copy)
    problem = assert_caught(result, report, "schema", "en", "rules/catalog/wording.yaml", 2, "not a regular expression")
    assert problem["field"].startswith("wording[0].causal[")


def test_the_report_in_dutch(cli, knowledge_copy):
    add_file(knowledge_copy, "dead.yaml", DEAD_RULE)
    args = ["check", "--no-grid", "--lang", "nl", "--findings", str(knowledge_copy / "findings.yaml"),
            "--rules", str(knowledge_copy / "rules")]
    result = cli(*args)
    assert result.code == 3
    assert "never-fires [alignment-impossible-share] rules[0].when: regel 'alignment-impossible-share' kan nooit afgaan" in result.out
    assert "\n  tip: nooit voldaan: " in result.out or "\n  tip: elke voorwaarde geldt ergens" in result.out
    assert result.out.rstrip().endswith("Problemen: 2 (2 fouten)")
    report = json.loads(cli(*args, "--format", "json").out)
    assert sorted(p["message"] for p in report["problems"]) == [
        "regel 'alignment-impossible-share' kan nooit afgaan",
        "regel 'alignment-impossible-share' klopt niet met zijn voorbeeld 'still-never': de regel zou moeten afgaan, "
        "maar gaat niet af",
    ]
    refused = cli("check", "--lang", "nl", "--rules", str(knowledge_copy / "missing"))
    assert "missing: unreadable: geen map met regelbestanden" in refused.out and refused.code == 2


def test_severity_in_the_report(cli, knowledge_copy, check):
    edit(knowledge_copy / "rules" / "alignment.yaml", "      recommend: sustain-strategy-dialogue", "      recommend: open-strategy-dialogue")
    add_file(knowledge_copy, "dead.yaml", DEAD_RULE)
    result, report = check(knowledge_copy, "--no-grid")
    severities = {p["code"]: p["severity"] for p in report["problems"]}
    assert severities == {"unused-recommendation": "warning", "never-fires": "error", "example-fails": "error"}
    text = cli("check", "--no-grid", "--findings", str(knowledge_copy / "findings.yaml"), "--rules", str(knowledge_copy / "rules"))
    assert text.out.rstrip().endswith("Problems: 3 (2 errors, 1 warning)")


# -- the vocabulary (rules/catalog/vocabulary.yaml)


@pytest.mark.check_code("vocabulary-differs")
def test_a_vocabulary_other_than_the_installed_one(cli, knowledge_copy, check):
    edit(knowledge_copy / "rules" / "catalog" / "vocabulary.yaml", 'nl: "vaak"', 'nl: "dikwijls"')
    result, report = check(knowledge_copy)
    assert_caught(result, report, "vocabulary-differs", "vocabulary", "rules/catalog/vocabulary.yaml", 2, "differs")


@pytest.mark.check_code("vocabulary-bands")
def test_share_bands_out_of_order(cli, knowledge_copy, check):
    edit(knowledge_copy / "rules" / "catalog" / "parameters.yaml", "  - name: active_share_high\n    value: 25\n",
         "  - name: active_share_high\n    value: 5\n")
    result, report = check(knowledge_copy, "--no-grid")
    assert_caught(result, report, "vocabulary-bands", "vocabulary", "rules/catalog/vocabulary.yaml", 3, "not in order")


FIVE_PERCENT_RULE = DEAD_RULE.replace("lt: 10  #", "lt: 5  #")


@pytest.mark.check_code("vocabulary-bands")
def test_a_question_band_across_any_threshold_a_rule_compares_with(cli, knowledge_copy, check):
    # the answers record a picked band itself: "Under 10%" (0-10) could not be decided by a rule
    # that compares the share with 5, though 5 is no parameter the vocabulary names
    add_file(knowledge_copy, "dead.yaml", FIVE_PERCENT_RULE)
    result, report = check(knowledge_copy)
    problem = assert_caught(
        result, report, "vocabulary-bands", "vocabulary", "rules/catalog/vocabulary.yaml", 3,
        "the question's band 0-10 for usage.active_share straddles a mark the rules compare it with: 5 (-)",
    )
    assert "the answers can record the band itself" in problem["hint"]


@pytest.mark.check_code("ambiguous-spelling")
def test_one_word_for_two_answers(cli, knowledge_copy, check):
    questions = knowledge_copy / "rules" / "catalog" / "questions.yaml"
    text = questions.read_text(encoding="utf-8")
    monthly = '{en: "Monthly", '
    assert monthly in text
    questions.write_text(text.replace(monthly, '{en: "Weekly", ', 1), encoding="utf-8")
    result, report = check(knowledge_copy, "--no-grid")
    assert_caught(result, report, "ambiguous-spelling", "vocabulary", "rules/catalog/vocabulary.yaml", 3, "'weekly'")


def _vocabulary_check(knowledge, function):
    """Run one vocabulary check in-process on a changed knowledge base: the loader refuses a
    vocabulary other than the installed one, so these two are found on the installed vocabulary
    only (edited where the advisor is installed)."""
    import types

    from advisor.check.lint import Lint
    from advisor.check.registry import CHECKS

    lint = Lint(types.SimpleNamespace(knowledge=knowledge))
    lint.running = next(check for check in CHECKS if check.run is function)
    function(lint)
    return lint.problems


@pytest.mark.check_code("duplicate-label")
def test_two_levers_of_one_name(knowledge):
    import dataclasses

    from advisor.check.checks import vocabulary as checks

    purposes = list(knowledge.vocabulary.purposes)
    purposes[1] = purposes[1].model_copy(update={"label": purposes[0].label})
    changed = dataclasses.replace(knowledge, vocabulary=knowledge.vocabulary.model_copy(update={"purposes": purposes}))
    assert _vocabulary_check(knowledge, checks.labels) == []
    found = _vocabulary_check(changed, checks.labels)
    assert found and {p.code for p in found} == {"duplicate-label"} and "the same label" in found[0].message


@pytest.mark.check_code("unused-lever")
def test_a_lever_nothing_names(knowledge):
    import dataclasses

    from advisor.check.checks import vocabulary as checks

    purposes = list(knowledge.vocabulary.purposes)
    purposes.append(purposes[0].model_copy(update={"purpose": "onboarding"}))
    changed = dataclasses.replace(knowledge, vocabulary=knowledge.vocabulary.model_copy(update={"purposes": purposes}))
    assert _vocabulary_check(knowledge, checks.levers_named) == []
    found = _vocabulary_check(changed, checks.levers_named)
    assert [p.code for p in found] == ["unused-lever"] and "'onboarding'" in found[0].message


# --------------------------------------------------------------------------------------------
# the registry of checks


def test_every_registered_code_has_a_fixture_and_every_fixture_a_registered_code():
    from advisor.check.run import codes

    fixtures = {
        mark.args[0]
        for test in globals().values()
        if callable(test) and getattr(test, "__name__", "").startswith("test_")
        for mark in getattr(test, "pytestmark", [])
        if mark.name == "check_code"
    }
    registered = {code["code"] for code in codes()}
    assert sorted(registered - fixtures) == [] and sorted(fixtures - registered) == []


def test_list_of_codes(cli):
    result = cli("check", "--list")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == "| Code | Severity | Stage | What it finds |"
    assert "| `never-fires` | error | engine | A rule that no goals and answers can make fire. |" in lines
    listed = json.loads(cli("check", "--list", "--format", "json").out)
    assert len(listed) == len(lines) - 2 and len({entry["code"] for entry in listed}) == len(listed)
    for entry in listed:
        assert entry["severity"] in ("error", "warning") and entry["stage"] in ("load", "lint", "engine", "grid")
        assert entry["doc"].endswith(".") and "\n" not in entry["doc"]
    dutch = cli("check", "--list", "--lang", "nl").out
    assert "| `never-fires` | fout | engine | Een regel die bij geen enkele keuze van doelen en antwoorden afgaat. |" in dutch


def test_the_editing_guide_lists_every_code(cli):
    """docs/knowledge-editing.md shows the table `advisor check --list` prints."""
    guide = (Path(__file__).resolve().parents[2] / "docs" / "knowledge-editing.md").read_text(encoding="utf-8")
    start, end = "<!-- advisor check --list -->\n", "<!-- end of the list -->"
    assert start in guide and end in guide
    table = guide.split(start, 1)[1].split(end, 1)[0].strip("\n") + "\n"
    assert table == cli("check", "--list").out


def test_progress_on_a_terminal_and_nothing_elsewhere(knowledge_copy):
    from advisor.check.run import check as run_check
    from advisor.cli.commands.check import _progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    _only(knowledge_copy, {"derive.yaml", "general.yaml", "alignment.yaml"})  # a small grid
    paths = (knowledge_copy / "findings.yaml", knowledge_copy / "rules")
    terminal, pipe = Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        with _progress("nl", stream=stream) as progress:
            report = run_check(*paths, progress=progress, lang="nl")
        assert report.valid and report.grid is not None
    shown = terminal.getvalue()
    assert "Kennisbank lezen" in shown and "Controleren: never-fires" in shown and "Combinaties doorlopen" in shown
    assert "\x1b[" in shown and pipe.getvalue() == ""


@pytest.mark.check_code("incomplete-table")
def test_check_finds_decision_tables_whose_key_misses_what_a_rule_reads(cli, monkeypatch, check):
    # a key that cuts the share of posters at the low mark only: the tables then hold one entry
    # for 10-25 and for 25 and more, which the rules tell apart
    from advisor.reasoning.tables import DecisionTables

    real = DecisionTables._share_cuts

    def too_coarse(self, ruleset, seen):
        cuts = real(self, ruleset, seen)
        return {index: [10] if thresholds == [10, 25] else thresholds for index, thresholds in cuts.items()}

    monkeypatch.setattr(DecisionTables, "_share_cuts", too_coarse)
    result, report = check(None, "--engine", "python")
    codes = {problem["code"] for problem in report["problems"]}
    assert "incomplete-table" in codes, report["problems"]
    assert result.code == 3


def test_a_share_compared_with_a_number_that_is_no_threshold_is_keyed_exactly(knowledge_copy):
    import yaml

    from advisor.knowledge.load import load_knowledge
    from advisor.reasoning.pipeline import Advisor
    from advisor.engine.choice import make_engine
    from advisor.vocabulary import ANSWER_KEYS

    path = knowledge_copy / "rules" / "general.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rule = next(rule for rule in data["rules"] if rule["id"] == "more-posters-than-readers")
    rule["when"][1] = {"answer": "usage.active_share", "gt": 150}  # out of the range: no threshold
    rule["examples"] = [
        {"case": "never", "fires": False, "answers": {"goals": ["alignment"], "usage": {"active_share": 99, "passive_share": 1}}},
        {"case": "fires", "fires": True, "answers": {"goals": ["alignment"], "usage": {"active_share": 99, "passive_share": 1}}},
    ]
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    knowledge = load_knowledge(knowledge_copy / "findings.yaml", knowledge_copy / "rules")
    advisor = Advisor(knowledge, make_engine(knowledge, "python"))
    cuts = advisor.tables._cuts
    assert cuts[ANSWER_KEYS.index("usage.active_share")] is None  # exact values
    assert cuts[ANSWER_KEYS.index("usage.passive_share")] == [50, 75]
