"""The advisor says what the study found, and no more. Each test guards one place where the
knowledge or a report once said more than the source (its Dutch text is `source.text` in
findings.yaml)."""

from __future__ import annotations

import io
import json
import re

import pytest
from rich.console import Console

from advisor import advise
from advisor.i18n import t
from advisor.schema import Text
from advisor.vocabulary import PURPOSES

from samples import FEW_POSTERS

pytestmark = pytest.mark.usefixtures("wide_console")


def texts(knowledge):
    """Every text of the knowledge a user can read, in both languages."""
    found = []

    def walk(value):
        if isinstance(value, Text):
            found.append(value)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)
        elif hasattr(type(value), "model_fields"):
            for name in type(value).model_fields:
                walk(getattr(value, name))

    walk(knowledge.findings_file)
    for section in (knowledge.recommendations, knowledge.notices, knowledge.goal_profiles, knowledge.parameters):
        walk(list(section.values()))
    walk(knowledge.questions)
    walk(knowledge.rules)
    return found


def question(knowledge, key):
    return next(q for q in knowledge.questions if q.key == key)


# --------------------------------------------------------------------------------------------
# 1. the strategy dialogue is the authors' conclusion, not a measured relation


def test_the_strategy_dialogue_rests_on_a_conclusion_and_ranks_after_measured_levers():
    advice = advise({"goals": ["alignment"], "usage": {"active_share": 30}, "purposes": {"strategy_dialogue": "never"}})
    assert [r.id for r in advice.recommendations] == ["sustain-broad-active-use", "open-strategy-dialogue"]
    assert [r.basis for r in advice.recommendations] == ["finding", "conclusion"]


def test_no_goal_profile_steers_on_the_dialogue_as_a_studied_lever(knowledge):
    assert all("strategy_dialogue" not in profile.steer_on for profile in knowledge.goal_profiles.values())
    advice = advise({"goals": ["alignment"], "usage": {}})
    assert advice.strategy[0].steer_on == ["active_breadth"]
    assert advice.strategy[0].suggested == ["strategy_dialogue"]


def test_the_usage_chart_never_marks_the_dialogue_as_studied(knowledge):
    from advisor.render.chart import usage_chart
    from advisor.answers.read import parse_answers

    answers = parse_answers({"goals": ["alignment"], "usage": {"active_share": 8}, "purposes": {"strategy_dialogue": "often"}})
    console = Console(file=io.StringIO(), width=120, color_system=None)
    console.print(usage_chart(answers, knowledge, "en"))
    row = next(line for line in console.file.getvalue().splitlines() if "dialogue about the strategy" in line)
    assert "●" not in row and "◇" in row


def test_the_dialogue_question_keeps_not_shown_a_non_result(knowledge):
    help_ = question(knowledge, "purposes.strategy_dialogue").help
    assert "not by reading" not in help_.en and "niet door erover te lezen" not in help_.nl
    assert "did not measure" in help_.en and "niet gemeten" in help_.nl


# --------------------------------------------------------------------------------------------
# 2. broadening active use: readers are not shown to matter for alignment, and unmentioned for efficiency


def test_broaden_active_use_does_not_say_that_readers_do_not_matter(knowledge):
    summary = knowledge.recommendations["broaden-active-use"].summary
    assert not re.search(r"not (to|with) how many (people |employees )?read", summary.en)
    assert not re.search(r"niet met hoeveel (mensen|medewerkers) lezen", summary.nl)


# --------------------------------------------------------------------------------------------
# 3. inferred nulls are marked as inferred and carry how they were read


def test_none_only_where_the_source_says_significant(knowledge):
    for finding in knowledge.findings.values():
        if finding.relation == "none":
            assert "significant" in finding.quote, finding.id
    assert {f.construct for f in knowledge.findings.values() if f.relation == "none"} == {"communication_satisfaction"}


def test_knowledge_sharing_and_reading_is_not_shown_and_inferred(knowledge):
    for usage in ("passive_breadth", "passive_frequency"):
        finding = knowledge.findings[f"knowledge-sharing-{usage.replace('_', '-')}"]
        assert finding.relation == "not_shown" and finding.inferred and "alleen actief gebruik" in finding.note.en


def test_inferred_relations_reach_the_advice_with_their_note():
    advice = advise({"goals": ["effectiveness"], "usage": {}, "purposes": {"expertise": "never"}})
    evidence = {e.finding: e for item in [*advice.recommendations, *advice.warnings] for e in item.evidence}
    inferred = evidence["effectiveness-active-breadth"]
    assert inferred.inferred and inferred.relation == "not_shown" and "één relatie gevonden" in inferred.note
    assert not evidence["effectiveness-expertise"].inferred


@pytest.mark.parametrize("format_", ["text", "markdown", "html"])
def test_every_report_marks_an_inferred_relation_and_shows_its_note(cli, write_yaml, format_):
    path = write_yaml({"goals": ["effectiveness"], "usage": {}, "purposes": {"expertise": "never"}})
    out = " ".join(cli("advise", "--answers", str(path), "--format", format_).out.replace("&#x27;", "'").split())
    # for people, the relations in words; the identifiers only with --details
    assert "Inferred (share of employees posting or reacting, how often they post or react," in out
    assert "Read from 'één relatie gevonden' (one relation found)" in out
    assert "effectiveness-active-breadth" not in out
    detailed = cli("advise", "--answers", str(path), "--format", format_, "--details").out.replace("&#x27;", "'")
    detailed = " ".join(detailed.split())
    assert "effectiveness-active-breadth (inferred)" in detailed
    assert "Inferred (effectiveness-active-breadth, effectiveness-active-frequency," in detailed
    assert "Read from 'één relatie gevonden' (one relation found)" in detailed


def test_findings_and_explain_show_the_inference(cli):
    table = cli("findings", "--goal", "effectiveness").out
    assert "inferred" in table and "één relatie gevonden" in table
    assert "no significant relation" not in table
    rows = json.loads(cli("findings", "--format", "json").out)["findings"]
    assert {r["id"] for r in rows if r["inferred"]} >= {"effectiveness-active-breadth", "efficiency-read-only"}
    explained = cli("explain", "--answers", FEW_POSTERS, "--format", "json").out
    assert '"inferred": false' in explained


def test_no_text_states_an_inferred_null_as_fact(knowledge):
    for text in texts(knowledge):
        assert "did not relate" not in text.en and "hing er niet mee samen" not in text.nl, text.en
        assert "how many people read, and how often, did not" not in text.en, text.en


# --------------------------------------------------------------------------------------------
# 4. engagement: the source describes who posts; it does not say a small group is enough


def test_no_text_says_a_small_group_is_enough(knowledge):
    for text in texts(knowledge):
        assert not re.search(r"small group (is enough|suffices)|is enough on the active side", text.en), text.en
        assert "volstaat" not in text.nl, text.nl


def test_many_employees_posting_seldom_are_not_told_to_build_a_small_core_group():
    advice = advise({"goals": ["engagement"], "usage": {"active_share": 60, "active_frequency": "monthly"}})
    first = advice.recommendations[0]
    assert first.levers == ["active_frequency"] and first.status == "gap"
    assert "small" not in first.title.lower() and "core group" not in first.summary


# --------------------------------------------------------------------------------------------
# 5. communication satisfaction: no *significant* relation with active or passive use


def test_communication_satisfaction_says_what_was_tested(knowledge):
    for text in (knowledge.goal_profiles["communication_satisfaction"].strategy, knowledge.notices["no-miracle-cure"].text):
        assert "no kind of use" not in text.en.lower() and "geen enkele vorm van gebruik" not in text.nl.lower()
        assert "significant" in text.en and "significant" in text.nl
        assert "active or passive" in text.en and "actief of passief" in text.nl


def test_looking_elsewhere_is_labelled_as_the_advisors_own_suggestion(knowledge):
    text = knowledge.notices["no-miracle-cure"].text
    for sentence in re.split(r"(?<=\.) ", text.en):
        if "elsewhere" in sentence:
            assert "the advisor's own" in sentence.lower()
    assert "niet van het onderzoek" in text.nl


# --------------------------------------------------------------------------------------------
# 6. purposes: "in sommige gevallen"


def test_every_purpose_finding_says_it_rests_on_some_cases():
    advice = advise(
        {"goals": ["knowledge_sharing", "efficiency"], "usage": {},
         "purposes": {"ideas": "never", "expertise": "never", "processes": "never", "read_only": "often"}},
        lang="nl",
    )
    cited = [e for item in [*advice.recommendations, *advice.warnings] for e in item.evidence if e.usage in PURPOSES]
    assert len({e.usage for e in cited}) == 4
    assert all("in sommige gevallen" in (e.note or "") for e in cited)


# --------------------------------------------------------------------------------------------
# 7. thresholds are heuristics, and say so


@pytest.mark.parametrize("format_", ["text", "markdown", "html"])
def test_every_report_with_a_gap_says_once_that_the_cut_offs_are_heuristics(cli, format_):
    out = cli("advise", "--answers", FEW_POSTERS, "--format", format_).out
    assert out.replace("&#x27;", "'").count(t("en", "heuristics")) == 1


def test_explain_shows_each_parameter_and_its_provenance(cli, knowledge):
    out = cli("explain", "--answers", FEW_POSTERS).out
    assert out.count(t("en", "heuristics")) == 1
    provenance = knowledge.parameters["active_share_low"].provenance.en
    assert provenance[:40] in " ".join(out.split())
    data = json.loads(cli("explain", "--answers", FEW_POSTERS, "--format", "json").out)
    assert [p["name"] for p in data["parameters"]] == ["active_share_low"]
    assert data["parameters"][0]["provenance"] == provenance


def test_every_parameter_says_it_is_not_from_the_study(knowledge):
    for parameter in knowledge.parameters.values():
        assert "not from the study" in parameter.provenance.en, parameter.name
        assert "niet uit het onderzoek" in parameter.provenance.nl, parameter.name


def test_90_9_1_is_about_a_communitys_members(knowledge):
    for parameter in knowledge.parameters.values():
        if "90-9-1" in parameter.provenance.en:
            assert "members" in parameter.provenance.en, parameter.name
    assert "nearly all members read, so" not in knowledge.parameters["passive_share_low"].provenance.en


# --------------------------------------------------------------------------------------------
# 8. "in mindere mate" is about the degree of the relation, not the quality of the evidence


def test_lesser_degree_is_not_weaker_evidence(knowledge):
    for text in texts(knowledge):
        assert not re.search(r"evidence (for \w+ )?is weaker|weaker evidence", text.en), text.en
        assert not re.search(r"bewijs .*zwakker", text.nl), text.nl
    assert "weak-evidence-effectiveness" not in knowledge.notices


# --------------------------------------------------------------------------------------------
# 9. hedges stay hedges


def test_hedges_stay_hedges(knowledge):
    ideas = question(knowledge, "purposes.ideas").help
    assert "room to gain" not in ideas.en and "seems" in ideas.en and "lijkt" in ideas.nl
    caveat = knowledge.notices["correlation-not-causation"].text
    assert "bet" not in caveat.en.split() and "gok" not in caveat.nl
    reading = question(knowledge, "usage.passive_frequency").help
    assert "found no relation" not in reading.en and "vond geen relatie" not in reading.nl


# --------------------------------------------------------------------------------------------
# 10. "sometimes" is not "rarely"


@pytest.mark.parametrize(
    "goal, purpose",
    [("efficiency", "ideas"), ("effectiveness", "expertise"), ("knowledge_sharing", "processes"), ("alignment", "strategy_dialogue")],
)
def test_sometimes_is_not_reported_as_rarely(goal, purpose):
    for lang, word in (("en", "rarely"), ("nl", "zelden")):
        advice = advise({"goals": [goal], "usage": {}, "purposes": {purpose: "sometimes"}}, lang=lang)
        [rec] = [r for r in advice.recommendations if purpose in r.levers]
        assert word not in rec.summary, rec.summary


# --------------------------------------------------------------------------------------------
# 11. supporting processes are support functions (HR, IT, facilities), not work processes


def test_the_processes_question_asks_about_supporting_processes(knowledge):
    processes = question(knowledge, "purposes.processes")
    assert "supporting processes" in processes.prompt.en and "ondersteunende processen" in processes.prompt.nl
    assert "work processes" not in processes.prompt.en and "handover" not in processes.prompt.en
    assert "HR" in processes.prompt.en and "HR" in processes.prompt.nl


# --------------------------------------------------------------------------------------------
# 12. citation hygiene


def test_unknown_answer_warnings_cite_only_the_chosen_goals_findings():
    advice = advise({"goals": ["alignment"], "usage": {}})
    warning = next(w for w in advice.warnings if w.id == "active-share-unknown")
    assert [e.finding for e in warning.evidence] == ["alignment-active-breadth"]


def test_the_answers_logic_check_cites_no_finding_of_a_goal():
    advice = advise({"goals": ["efficiency"], "usage": {"active_share": 40, "passive_share": 30}})
    warning = next(w for w in advice.warnings if w.id == "more-posters-than-readers")
    assert warning.evidence and all(e.kind != "finding" for e in warning.evidence)


def test_communication_satisfaction_cites_all_four_tested_nulls(knowledge):
    nulls = {f.id for f in knowledge.findings.values() if f.construct == "communication_satisfaction"}
    assert len(nulls) == 4
    assert nulls <= set(knowledge.goal_profiles["communication_satisfaction"].findings)
    assert nulls == set(knowledge.statements["no-miracle-cure"].findings)


def test_the_typo_in_a_quote_is_marked_sic(knowledge, cli):
    assert "(jn [sic] mindere mate)" in knowledge.statements["correlation-not-causation"].quote
    assert "(jn [sic] mindere mate)" in cli("findings", "--quotes", "--format", "markdown").out
    assert isinstance(knowledge.findings_file.source.text, str) and "(jn mindere mate)" in knowledge.findings_file.source.text


def test_the_advisors_own_words_claim_no_cause(knowledge):
    from advisor.i18n import texts

    assert set(knowledge.wording) == {"en", "nl"}  # the causal words of each language (rules/catalog/wording.yaml)
    for lang, wording in knowledge.wording.items():
        for text in texts(lang):
            for pattern in wording.causal:
                assert not re.search(pattern, text, re.IGNORECASE), (pattern, text)
