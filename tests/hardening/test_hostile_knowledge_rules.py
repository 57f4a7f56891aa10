"""Knowledge bases that no engine can run the way they are written: rules that derive in a
cycle. Every command refuses them when loading, with the file, line and rule."""

from __future__ import annotations

import json

import pytest
from hostile import assert_clean_error

CYCLE = """rules:
  - id: breadth-from-frequency
    description: {en: Derives active breadth from the active frequency it derives itself., nl: Leidt de actieve breedte af uit de actieve frequentie die ze zelf afleidt.}
    when:
      - derived: active_frequency
        is: often
    then:
      derive: {active_breadth: high}
    examples:
      - case: often
        fires: true
        answers: {goals: [alignment], usage: {active_frequency: daily}}
      - case: seldom
        fires: false
        answers: {goals: [alignment], usage: {active_frequency: less}}
  - id: frequency-from-breadth
    description: {en: Derives the active frequency from the active breadth., nl: Leidt de actieve frequentie af uit de actieve breedte.}
    when:
      - derived: active_breadth
        is: high
    then:
      derive: {active_frequency: often}
    examples:
      - case: high
        fires: true
        answers: {goals: [alignment], usage: {active_share: 40}}
      - case: low
        fires: false
        answers: {goals: [alignment], usage: {active_share: 2}}
"""


@pytest.fixture
def cyclic(knowledge_copy):
    (knowledge_copy / "rules" / "cycle.yaml").write_text(CYCLE, encoding="utf-8")
    return ["--findings", str(knowledge_copy / "findings.yaml"), "--rules", str(knowledge_copy / "rules")]


@pytest.mark.parametrize("command", [["advise"], ["explain"], ["whatif", "--set", "usage.active_share=30"]])
def test_a_derive_cycle_is_refused_by_every_command_with_file_line_and_rule(cli, cyclic, write_yaml, command):
    answers = write_yaml({"goals": ["alignment"], "usage": {"active_share": 40}})
    result = cli(*command, "--answers", str(answers), *cyclic)
    assert_clean_error(
        result, "cycle.yaml:7:5:", "rule 'breadth-from-frequency' derives in a cycle: breadth-from-frequency -> frequency-from-breadth -> breadth-from-frequency"
    )


def test_a_derive_cycle_is_refused_by_batch(cli, cyclic, tmp_path):
    survey = tmp_path / "survey.csv"
    survey.write_text("id,goals,usage.active_share\na,alignment,40\n", encoding="utf-8")
    assert_clean_error(cli("batch", str(survey), "--out", str(tmp_path / "out"), *cyclic), "derives in a cycle")


def test_a_derive_cycle_is_refused_by_the_line_protocol(cli, cyclic, monkeypatch):
    import io
    import sys

    line = json.dumps({"goals": ["alignment"], "usage": {"active_share": 40}}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(line.encode("utf-8"))))
    assert_clean_error(cli("serve", "--stdio", *cyclic), "derives in a cycle")


# -- knowledge bases beyond durable_rules' fixed limits (advisor/engine/durable_limits.py) ----------
# Run as separate processes: on failure, durable_rules crashes the process that runs it.

import subprocess  # noqa: E402
import sys  # noqa: E402

from advisor.engine.choice import durable_available  # noqa: E402

needs_durable = pytest.mark.skipif(not durable_available(), reason="durable_rules is not installed here")


def _extra_rules(count: int, test: str, answer: str) -> str:
    """count rules that each compare one answer (test: a YAML test with {i} for the rule number)."""
    rules = ["rules:"]
    key = answer.split(".")[1]
    for i in range(count):
        rules += [
            f"  - id: extra-{i}", "    description: {en: An extra rule on one answer., nl: Een extra regel op één antwoord.}", "    findings: [alignment-active-breadth]",
            "    when:", "      - goal: alignment", f"      - answer: {answer}", f"        {test.format(i=i)}",
            "    then: {recommend: broaden-active-use}", "    examples:",
            "      - case: fires", "        fires: true", f"        answers: {{goals: [alignment], usage: {{{key}: {'weekly' if 'frequency' in key else 0}}}}}",
            "      - case: misses", "        fires: false", "        answers: {goals: [engagement], usage: {}}",
        ]
    return "\n".join(rules) + "\n"


def _advise(knowledge, answers, *extra: str, code: str | None = None) -> subprocess.CompletedProcess:
    argv = ["advise", "--answers", str(answers), "--format", "json", "--findings", str(knowledge / "findings.yaml"),
            "--rules", str(knowledge / "rules"), *extra]
    command = [sys.executable, "-c", code, *argv] if code else [sys.executable, "-m", "advisor", *argv]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


BEYOND = {
    "70 thresholds on one share": (70, "lt: {i}.5", "usage.active_share", "active_share: 0"),
    "70 'one of' tests on one answer": (70, "in: [weekly, daily]", "usage.active_frequency", "active_frequency: weekly"),
    "130 'one of' tests on one answer": (130, "in: [weekly, daily]", "usage.active_frequency", "active_frequency: weekly"),
    "260 rules on one goal": (260, "is: weekly", "usage.active_frequency", "active_frequency: weekly"),
}


@needs_durable
@pytest.mark.parametrize("count, test, answer, given", BEYOND.values(), ids=BEYOND.keys())
def test_a_knowledge_base_beyond_durable_rules_limits_is_refused_not_a_crash(knowledge_copy, tmp_path, count, test, answer, given):
    (knowledge_copy / "rules" / "extra.yaml").write_text(_extra_rules(count, test, answer), encoding="utf-8")
    answers = tmp_path / "answers.yaml"
    answers.write_text(f"goals: [alignment]\nusage: {{{given}}}\n", encoding="utf-8")
    refused = _advise(knowledge_copy, answers, "--engine", "durable")
    assert refused.returncode == 2, (refused.returncode, refused.stderr)
    assert "the durable engine cannot run this knowledge base" in refused.stderr and "--engine python" in refused.stderr
    assert "internal error" not in refused.stderr
    advised = _advise(knowledge_copy, answers, "--engine", "python")
    assert advised.returncode == 0, advised.stderr


@needs_durable
def test_a_rule_joining_more_facts_than_durable_rules_can_is_refused(knowledge_copy, tmp_path):
    goals = ["alignment", "engagement", "efficiency", "effectiveness", "knowledge_sharing", "communication_satisfaction"]
    patterns = [f"      - goal: {goal}" for goal in goals]
    patterns += [f"      - answer: purposes.{name}\n        is: often" for name in ("ideas", "expertise", "processes", "strategy_dialogue", "read_only")]
    patterns += [f"      - answer: usage.{name}\n        is: weekly" for name in ("active_frequency", "passive_frequency")]
    patterns += [f"      - answer: usage.{name}\n        gte: 0" for name in ("active_share", "passive_share")]
    patterns += ["      - derived: active_breadth\n        is: high", "      - derived: passive_breadth\n        is: high"]
    everything = (f"{{goals: [{', '.join(goals)}], usage: {{active_share: 50, passive_share: 80, active_frequency: weekly,"
                  " passive_frequency: weekly}, purposes: {ideas: often, expertise: often, processes: often,"
                  " strategy_dialogue: often, read_only: often}}")
    (knowledge_copy / "rules" / "wide.yaml").write_text("\n".join([
        "rules:", "  - id: wide", "    description: {en: One rule joining seventeen facts., nl: Eén regel die zeventien feiten verbindt.}", "    findings: [alignment-active-breadth]",
        "    when:", *patterns, "    then: {recommend: broaden-active-use}", "    examples:",
        "      - case: fires", "        fires: true", f"        answers: {everything}",
        "      - case: misses", "        fires: false", "        answers: {goals: [engagement], usage: {}}",
    ]) + "\n", encoding="utf-8")
    answers = tmp_path / "answers.yaml"
    answers.write_text(everything + "\n", encoding="utf-8")
    refused = _advise(knowledge_copy, answers, "--engine", "durable")
    assert refused.returncode == 2, (refused.returncode, refused.stderr)
    assert "joins 17 facts, more than the 16" in refused.stderr


@needs_durable
def test_a_failed_durable_call_is_never_followed_by_another(knowledge_copy, tmp_path):
    """The safety net under the limits: were a ruleset past them to reach durable_rules, its
    failure is an error for that consultation, and its corrupt state is never touched again."""
    (knowledge_copy / "rules" / "extra.yaml").write_text(_extra_rules(70, "lt: {i}.5", "usage.active_share"), encoding="utf-8")
    line = '{"goals": ["alignment"], "usage": {"active_share": 0}}\n'
    code = (
        "import sys\n"
        "from advisor.engine import durable_limits\n"
        "durable_limits.problem = lambda definition: None  # let the ruleset through\n"
        "from advisor.cli.main import main\n"
        "raise SystemExit(main(['serve', '--stdio', '--engine', 'durable',"
        f" '--findings', {str(knowledge_copy / 'findings.yaml')!r}, '--rules', {str(knowledge_copy / 'rules')!r}]))\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], input=line * 3, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, (completed.returncode, completed.stderr)
    responses = [json.loads(text) for text in completed.stdout.splitlines()]
    assert [r["error"]["code"] for r in responses] == ["internal_error"] * 3
    assert "not called again" in responses[-1]["error"]["message"]


_RAW = """
import sys
from durable import engine
class Host(engine.Host):
    def _run(self):
        return None
def action(c):
    pass
shape, count = sys.argv[1], int(sys.argv[2])
if shape == "thresholds":
    pattern = lambda i: {"$and": [{"t": "answer"}, {"key": "a"}, {"$lt": {"number": 1000 + i}}]}
else:  # the same "one of" in every rule: each $or gets a forward node of its own
    pattern = lambda i: {"$and": [{"t": "answer"}, {"$or": [{"key": "a"}, {"key": "b"}]}]}
host = Host()
host.set_rulesets({"rs": {f"r{i}": {"all": [{"m": pattern(i)}], "run": action} for i in range(count)}})
try:
    host.assert_facts("rs", [{"sid": "1", "id": "f", "t": "answer", "key": "a", "number": 5}])
except Exception as error:
    print(error)
    raise SystemExit(3)  # and no delete_state: that is what crashes
host.delete_state("rs", "1")
"""


@needs_durable
@pytest.mark.parametrize("shape", ["thresholds", "one of"])
def test_durable_rules_follows_64_tests_at_once_and_the_model_knows(shape):
    """The limit itself, on durable_rules alone (in a process of its own): 64 tests holding at once
    run, 65 fail with error 303; the model of durable_limits draws the line at the same place."""
    from advisor.engine import durable_limits

    for count, expected in ((64, 0), (65, 3)):
        completed = subprocess.run([sys.executable, "-c", _RAW, shape, str(count)], capture_output=True, text=True, timeout=60)
        assert completed.returncode == expected, (count, completed.returncode, completed.stdout, completed.stderr)
        if expected:
            assert "error code: 303" in completed.stdout
        pattern = ({"$and": [{"t": "answer"}, {"key": "a"}, {"$lt": {"number": 1000 + i}}]} if shape == "thresholds"
                   else {"$and": [{"t": "answer"}, {"$or": [{"key": "a"}, {"key": "b"}]}]} for i in range(count))
        definition = {f"r{i}": {"all": [{"m": condition}]} for i, condition in enumerate(pattern)}
        assert (durable_limits.problem(definition) is None) == (expected == 0)
