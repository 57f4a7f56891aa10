"""Regression tests for each durable_rules sharp edge the engine layer designs around."""

from __future__ import annotations

import copy
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from advisor import advise
from advisor.engine.compiler import compile_rules, facts_for
from advisor.engine.durable import DurableEngine
from advisor.errors import EngineError
from advisor.knowledge.load import load_knowledge
from advisor.schema import Answers

from samples import EXAMPLE_ANSWERS


def test_no_timer_threads_are_started(knowledge_copy):
    before = {t.name for t in threading.enumerate()}
    engine = DurableEngine(load_knowledge(knowledge_copy / "findings.yaml", knowledge_copy / "rules"))
    engine.run(facts_for(Answers.model_validate(EXAMPLE_ANSWERS)))
    after = {t.name for t in threading.enumerate()}
    assert after - before == set()


def test_two_knowledge_bases_in_one_process(knowledge_copy, knowledge):
    other = load_knowledge(knowledge_copy / "findings.yaml", knowledge_copy / "rules")
    ours = advise(EXAMPLE_ANSWERS, knowledge=knowledge)
    theirs = advise(EXAMPLE_ANSWERS, knowledge=other)
    assert ours.recommendations == theirs.recommendations


def test_the_compiled_definition_is_not_consumed(knowledge_copy):
    knowledge = load_knowledge(knowledge_copy / "findings.yaml", knowledge_copy / "rules")
    before = copy.deepcopy(compile_rules(knowledge))
    DurableEngine(knowledge)
    assert compile_rules(knowledge) == before


def test_more_consultations_than_the_live_session_limit(knowledge):
    # durable_rules allows 1024 live sessions per ruleset: states must be deleted each time
    answers = Answers.model_validate(EXAMPLE_ANSWERS)
    first = advise(answers, knowledge=knowledge)
    for _ in range(3000):
        advice = advise(answers, knowledge=knowledge)
    assert advice == first


def test_an_answer_no_rule_reads_does_not_raise(knowledge):
    # passive_frequency is read by no rule: the catch-all rule must take its fact
    advice = advise({"goals": ["communication_satisfaction"], "usage": {"passive_frequency": "daily"}})
    assert advice.warnings[0].id == "no-miracle-cure"


def test_an_exception_inside_an_action_becomes_a_real_error(knowledge_copy):
    # durable_rules swallows it into state["exception"] and returns normally
    class Exploding(DurableEngine):
        def _action(self, rule_id, derive):
            if rule_id != "correlation-not-causation":
                return super()._action(rule_id, derive)

            def explode(c):
                raise RuntimeError("action failed")

            return explode

    engine = Exploding(load_knowledge(knowledge_copy / "findings.yaml", knowledge_copy / "rules"))
    facts = facts_for(Answers.model_validate(EXAMPLE_ANSWERS))
    with pytest.raises(EngineError, match="action failed"):
        engine.run(facts)
    # the failed session was deleted: the same facts are not "already observed" the second time
    with pytest.raises(EngineError, match="action failed"):
        engine.run(facts)


def test_threads_give_the_same_results_as_a_sequential_run(knowledge):
    cases = [
        {"goals": [goal], "usage": {"active_share": share, "active_frequency": freq, "passive_share": 100 - share}}
        for goal in ("alignment", "engagement", "efficiency", "knowledge_sharing")
        for share in (2, 15, 40)
        for freq in ("daily", "less")
    ]
    sequential = [advise(case).model_dump_json() for case in cases]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(5):
            parallel = list(pool.map(lambda case: advise(case).model_dump_json(), cases))
            assert parallel == sequential


ONE_RULE = """rules:
  - id: effectiveness-lesser-degree
    description: {en: "The only rule of a small knowledge base.", nl: "De enige regel van een kleine kennisbank."}
    findings: [effectiveness-expertise]
    when:
      - goal: effectiveness
    then:
      warn: effectiveness-lesser-degree
    examples:
      - case: chosen
        fires: true
        answers: {goals: [effectiveness], usage: {}}
      - case: not-chosen
        fires: false
        answers: {goals: [alignment], usage: {}}
"""


def test_a_consultation_where_no_rule_fires_does_not_crash_the_process(knowledge_copy):
    # durable_rules segfaults in delete_state for a session in which nothing fired. A knowledge
    # base of one rule, consulted for another goal, fires nothing. Run it in a subprocess so a
    # regression fails this test instead of killing the test run.
    for path in (knowledge_copy / "rules").glob("*.yaml"):
        path.unlink()
    (knowledge_copy / "rules" / "only.yaml").write_text(ONE_RULE, encoding="utf-8")
    code = (
        "import sys\n"
        "from advisor import advise, load_knowledge\n"
        "knowledge = load_knowledge(sys.argv[1] + '/findings.yaml', sys.argv[1] + '/rules')\n"
        "for goal in ('alignment', 'alignment', 'effectiveness', 'alignment'):\n"
        "    print(len(advise({'goals': [goal], 'usage': {}}, knowledge=knowledge, engine='durable').warnings))\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(knowledge_copy)], capture_output=True, text=True)
    assert result.returncode == 0, (result.returncode, result.stderr[-500:])
    assert result.stdout.split() == ["0", "0", "1", "0"]


IN_AND_REF = """rules:
  - id: posters-in-band-above-readers
    description: {en: "A share in a band, compared with another answer in the same pattern.", nl: "Een aandeel in een band, vergeleken met een ander antwoord in hetzelfde patroon."}
    findings: [alignment-active-breadth]
    when:
      - answer: usage.passive_share
        as: readers
        is_not: unknown
      - answer: usage.active_share
        in: [40, 50]
        gt: {ref: readers}
    then:
      warn: more-posters-than-readers
    examples:
      - case: above
        fires: true
        answers: {goals: [alignment], usage: {active_share: 40, passive_share: 30}}
      - case: in-band-but-below
        fires: false
        answers: {goals: [alignment], usage: {active_share: 40, passive_share: 45}}
"""


def test_one_of_and_a_reference_in_one_pattern(knowledge_copy):
    # durable_rules skips the tests after an $or that holds: the compiler puts "one of" last
    (knowledge_copy / "rules" / "extra.yaml").write_text(IN_AND_REF, encoding="utf-8")
    knowledge = load_knowledge(knowledge_copy / "findings.yaml", knowledge_copy / "rules")
    below = advise({"goals": ["alignment"], "usage": {"active_share": 40, "passive_share": 45}}, knowledge=knowledge, engine="durable")
    above = advise({"goals": ["alignment"], "usage": {"active_share": 40, "passive_share": 30}}, knowledge=knowledge, engine="durable")
    assert "posters-in-band-above-readers" not in below.trace
    assert "posters-in-band-above-readers" in above.trace
