"""The two engines give the same advice, byte for byte, and so do the decision tables.

- every example of every rule through durable_rules and through the Python engine;
- the whole combination grid of `advisor check` (advisor/check/grid.py), enumerated once: for
  each engine, the firings of the decision tables (advisor/reasoning/tables.py) against a direct
  run of the engine, and durable_rules' direct firings against the Python engine's tables; the
  advice JSON, memoised against built from a direct run (in several goal orders and both
  languages), on part of the grid and on random answer sets. How much: the Python engine's
  firings on every answers set of the grid; the rest on a sample (every 7th set of the grid's
  41,000 for durable_rules' firings, every 10th or 50th for the bytes, 2,000 or 4,000 random
  sets), which keeps the suite quick. `pytest --full` runs all of it on everything
  (every set of the grid, 20,000 random sets: about three core-minutes), as the engine layer's
  changes call for (docs/development.md);
- generated rule sets in the part of the durable_rules language the Python engine supports,
  run on generated facts through both: the same firings (or both fail). Two corners are left
  out because durable_rules gets them wrong (see _durable_safe and the pyengine docstring);
- the Python engine's own semantics, which hold where durable_rules is not installed at all.
"""

from __future__ import annotations

import copy
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.batch.advising import render
from advisor.engine.compiler import CATCH_ALL, CATCH_ALL_RULE, derived_fact, facts_for
from advisor.errors import AdvisorError, EngineError
from advisor.check.grid import combinations_for, goal_selections
from advisor.engine.python import DefinitionError, compare, ruleset_from
from advisor.reasoning.pipeline import advise, advisor_for
from advisor.reasoning.assembly import build_advice
from advisor.answers.read import parse_answers


def durable_or_skip():
    pytest.importorskip("durable.engine", reason="durable_rules is not installed here")


def advice_json(knowledge, answers, engine: str, lang: str = "en") -> str:
    return render(advise(answers, lang=lang, knowledge=knowledge, engine=engine), "json", None)


# --------------------------------------------------------------------------------------------
# The shipped knowledge: rule examples and the combination grid


def examples(knowledge):
    return [(rule.id, example) for rule in knowledge.rules for example in rule.examples]


def test_every_rule_example_gives_the_same_advice(knowledge):
    durable_or_skip()
    compared = 0
    for rule_id, example in examples(knowledge):
        outcomes = []
        for engine in ("durable", "python"):
            try:
                outcomes.append(("advice", advice_json(knowledge, example.answers, engine, lang="nl" if compared % 2 else "en")))
            except AdvisorError as error:
                outcomes.append(("refused", error.render()))
        assert outcomes[0] == outcomes[1], f"{rule_id}-{example.case}"
        compared += 1
    assert compared == sum(len(rule.examples) for rule in knowledge.rules) > 100


# Direct runs against the decision tables (advisor/reasoning/tables.py). The advice is a function
# of the answers' goal order, which answers are unknown and the *set* of firings (assembly.py
# reads nothing else, and the tables' key holds the first two), so comparing firing sets on the
# grid is comparing the advice; the bytes are compared as well on part of the grid and on random
# answer sets (how much: the module's docstring).


def fresh_advisor(knowledge, engine: str):
    """An advisor with empty tables, so the runs below fill them."""
    from advisor.engine.choice import make_engine
    from advisor.reasoning.pipeline import Advisor

    return Advisor(knowledge, make_engine(knowledge, engine))


def test_no_compiled_condition_reads_the_order_of_goals(knowledge):
    # what lets the grid below run an ordered pair of goals and its reverse once
    import json

    from advisor.engine.compiler import compile_rules

    assert '"rank"' not in json.dumps(compile_rules(knowledge))


@pytest.fixture(scope="module")
def grid_cases():
    """The whole grid of `advisor check`, enumerated once: (goals, values) with the values in
    ANSWER_KEYS order; an ordered pair and its reverse once (no condition reads goal order)."""
    from advisor.knowledge.load import shipped_knowledge
    from advisor.vocabulary import ANSWER_KEYS

    knowledge = shipped_knowledge()
    cases, seen = [], set()
    for goals in goal_selections():
        if frozenset(goals) in seen:
            continue
        seen.add(frozenset(goals))
        for answers in combinations_for(knowledge, goals):
            values = tuple(answers[key.split(".")[0]][key.split(".")[1]] for key in ANSWER_KEYS)
            cases.append((goals, values))
    return cases


@pytest.mark.parametrize("engine", ["durable", "python"])
def test_the_tables_fire_as_the_engine_does_on_the_whole_grid(grid_cases, engine, full):
    """Memoised against direct, for the engine that fills the tables; with durable_rules, also
    against the Python engine's tables (which the python case holds to its direct runs), so the
    two engines agree on the whole grid as well."""
    from advisor.engine.compiler import facts_of
    from advisor.knowledge.load import shipped_knowledge

    if engine == "durable":
        durable_or_skip()
    knowledge = shipped_knowledge()
    advisor = fresh_advisor(knowledge, engine)
    other = fresh_advisor(knowledge, "python") if engine == "durable" else None
    # a durable_rules run costs four times a Python one: its everyday sample is every 7th set
    # (7 is prime to every count of bands, so the sample walks through all of each answer's)
    step = 7 if engine == "durable" and not full else 1
    for goals, values in grid_cases[::step]:
        direct = set(advisor.engine.run(facts_of(goals, values)))
        assert set(advisor.tables.firings(advisor.tables.case(goals, values))) == direct, (goals, values)
        if other is not None:
            assert set(other.tables.firings(other.tables.case(goals, values))) == direct, (goals, values)
    assert len(grid_cases) > 40_000
    assert 0 < advisor.tables.runs <= advisor.tables.size  # one engine run per entry at most


def direct_json(knowledge, engine, answers: dict, lang: str) -> str:
    parsed = parse_answers(answers)
    return build_advice(knowledge, parsed, engine.run(facts_for(parsed)), lang).model_dump_json(indent=2)


@pytest.mark.parametrize("engine", ["durable", "python"])
def test_memoised_advice_is_the_direct_advice_byte_for_byte_on_the_grid(grid_cases, engine, full):
    from advisor.check.grid import answers_dict
    from advisor.knowledge.load import shipped_knowledge
    from advisor.vocabulary import ANSWER_KEYS

    if engine == "durable":
        durable_or_skip()
    knowledge = shipped_knowledge()
    advisor = fresh_advisor(knowledge, engine)
    step = 10 if full or engine == "python" else 50
    for number, (goals, values) in enumerate(grid_cases[::step]):
        answers = answers_dict(goals[::-1] if number % 3 else goals, dict(zip(ANSWER_KEYS, values)))
        lang = "nl" if number % 2 else "en"
        memoised = advisor.advise(answers, lang).model_dump_json(indent=2)
        assert memoised == direct_json(knowledge, advisor.engine, answers, lang), answers


def random_answers(count: int, seed: int = 2026) -> list[dict]:
    """Answers as people give them: one to three goals in any order (now and then all six),
    shares with decimals, the thresholds themselves, bands (25-50) in every way one can lie
    between the thresholds, spelled as people type them, unknowns."""
    import random

    from advisor.knowledge.bands import share_thresholds
    from advisor.knowledge.load import shipped_knowledge
    from advisor.vocabulary import FREQUENCIES, GOALS, PURPOSE_LEVELS, PURPOSES

    generator = random.Random(seed)
    knowledge = shipped_knowledge()
    marks = {key: [0, *share_thresholds(knowledge, f"usage.{key}"), 100] for key in ("active_share", "passive_share")}

    def band(key):
        """A band that straddles no threshold: within two neighbouring marks, often on them."""
        start = generator.randrange(len(marks[key]) - 1)
        low, high = marks[key][start], marks[key][start + 1]
        if generator.random() < 0.5:
            low, high = sorted(round(generator.uniform(low, high), generator.choice([0, 1])) for _ in range(2))
        if low >= high:
            return f"{marks[key][start]}-{marks[key][start + 1]}"
        return generator.choice(["{}-{}", "{} - {}", "{}–{}%", "{} to {}%", "{} tot {}%"]).format(low, high)

    def share(key):
        kind = generator.random()
        if kind < 0.1:
            return "unknown"
        if kind < 0.3:
            return band(key)
        if kind < 0.45:
            return generator.choice([0, 10, 25, 50, 75, 100, 9.99, 10.01, 24.99])
        return round(generator.uniform(0, 100), generator.choice([0, 1, 2]))

    def choice(values):
        return generator.choice(values + ("unknown",))

    return [
        {
            "goals": generator.sample(GOALS, generator.choice([1, 2, 3]) if generator.random() < 0.95 else len(GOALS)),
            "usage": {
                "active_share": share("active_share"),
                "active_frequency": choice(FREQUENCIES),
                "passive_share": share("passive_share"),
                "passive_frequency": choice(FREQUENCIES),
            },
            "purposes": {purpose: choice(PURPOSE_LEVELS) for purpose in PURPOSES},
        }
        for _ in range(count)
    ]


@pytest.mark.parametrize("engine", ["durable", "python"])
def test_memoised_advice_is_the_direct_advice_byte_for_byte_on_random_answers(knowledge, engine, full):
    if engine == "durable":
        durable_or_skip()
    sets = random_answers(20_000 if full else 2_000 if engine == "durable" else 4_000)
    assert len({repr(answers) for answers in sets}) == len(sets)  # no repeats
    advisor = fresh_advisor(knowledge, engine)
    for number, answers in enumerate(sets):
        lang = "nl" if number % 2 else "en"
        memoised = advisor.advise(answers, lang).model_dump_json(indent=2)
        assert memoised == direct_json(knowledge, advisor.engine, answers, lang), answers


def test_shared_advice_cannot_be_changed_by_one_caller(knowledge):
    advisor = fresh_advisor(knowledge, "python")
    answers = {"goals": ["alignment", "engagement"], "usage": {"active_share": 5}}
    advice = advisor.advise(answers)
    assert advice is advisor.advise(answers)  # kept, and so shared
    before = advice.model_dump_json()
    with pytest.raises(TypeError):
        advice.recommendations.append(advice.recommendations[0])
    with pytest.raises(TypeError):
        advice.recommendations[0].evidence.clear()
    with pytest.raises(TypeError):
        advice.strategy[0].steer_on[0] = "ideas"
    with pytest.raises(Exception):  # pydantic's frozen models
        advice.recommendations[0].title = "changed"  # type: ignore[misc]
    assert advisor.advise(answers).model_dump_json() == before
    assert list(advice.goals) == ["alignment", "engagement"] == advice.goals  # still compares as a list


def test_the_python_engine_alone_follows_the_rule_examples(knowledge):
    # where durable_rules is missing, the examples still hold
    from advisor.check.examples import run_examples

    failed = [result.test_id for result in run_examples(advisor_for(knowledge, "python")) if not result.ok]
    assert failed == []


# --------------------------------------------------------------------------------------------
# Generated rule sets against durable_rules

FIELDS = ("k", "v", "n")
VALUES = ("x", "y", "z", 0, 1, 5, 0.5, 5.0, -2)  # text never starts with a digit (see pyengine)
OPERATORS = ("$eq", "$neq", "$lt", "$lte", "$gt", "$gte")


@st.composite
def facts_strategy(draw):
    facts = []
    for index in range(draw(st.integers(1, 6))):
        fact = {"id": f"f{index}", "t": draw(st.sampled_from(["a", "b", "derived"]))}
        for name in FIELDS:
            if draw(st.booleans()):
                fact[name] = draw(st.sampled_from(VALUES))
        if fact["t"] == "derived" and draw(st.booleans()):
            fact["name"] = draw(st.sampled_from(["x", "y"]))
        facts.append(fact)
    return facts


@st.composite
def condition_strategy(draw, referable: list[str], in_or: bool = False, depth: int = 0):
    kinds = ["eq", "op", "ex", "nex"] + (["or", "and"] if depth < 2 else []) + (["ref"] if referable and not in_or else [])
    kind = draw(st.sampled_from(kinds))
    name = draw(st.sampled_from(FIELDS))
    if kind == "eq":
        return {name: draw(st.sampled_from(VALUES))}
    if kind == "op":
        return {draw(st.sampled_from(OPERATORS)): {name: draw(st.sampled_from(VALUES))}}
    if kind in ("ex", "nex"):
        return {f"${kind}": {name: 1}}
    if kind in ("or", "and"):
        parts = st.lists(condition_strategy(referable, in_or or kind == "or", depth + 1), min_size=1, max_size=3)
        return {f"${kind}": draw(parts)}
    # a reference to the field "k" of an earlier pattern that requires it (as the compiler's do)
    return {draw(st.sampled_from(OPERATORS)): {name: {draw(st.sampled_from(referable)): "k"}}}


@st.composite
def ruleset_strategy(draw):
    rules = {}
    for number in range(draw(st.integers(1, 4))):
        patterns, referable = [], []
        for index in range(draw(st.integers(1, 3))):
            # every pattern requires "t": durable_rules' own session object must never match
            head = draw(st.sampled_from([{"t": "a"}, {"t": "b"}, {"t": "derived"}, {"$ex": {"t": 1}}]))
            tests = [head] + draw(st.lists(condition_strategy(list(referable)), max_size=3))
            if head == {"t": "derived"} and draw(st.booleans()):
                tests.append({"$or": [{"name": "x"}, {"name": draw(st.sampled_from(["x", "y"]))}]})
            name = f"p{index}"
            if draw(st.booleans()):
                tests.append({"$ex": {"k": 1}})
                referable.append(name)
            tests = _durable_safe(tests)
            patterns.append({name: {"$and": tests} if len(tests) > 1 else tests[0]})
        rules[f"r{number}"] = {"all": patterns}
    derives = {rule_id: (("x", "y")[i % 2], f"v{i}") for i, rule_id in enumerate(rules) if draw(st.booleans())}
    return rules, derives


def _has_reference(test: dict) -> bool:
    key, value = next(iter(test.items()))
    if key in ("$and", "$or"):
        return any(_has_reference(part) for part in value)
    if key in ("$ex", "$nex"):
        return False
    if key.startswith("$"):
        value = next(iter(value.values()))
    return isinstance(value, dict)


def _durable_safe(tests: list) -> list:
    """A pattern durable_rules evaluates as written. In a pattern with a reference, durable_rules
    skips every test after a nested $and/$or group that holds (events.c, reduceExpressionSequence):
    there, nested $and groups are flattened and one $or group at most goes last."""
    if not any(_has_reference(test) for test in tests):
        return tests
    leaves, groups = [], []
    pending = list(tests)
    while pending:
        test = pending.pop(0)
        if "$and" in test:
            pending[:0] = test["$and"]
        elif "$or" in test:
            groups.append(test)
        else:
            leaves.append(test)
    return leaves + groups[:1]


_names = itertools.count()


@pytest.fixture(scope="module")
def durable_host():
    durable_or_skip()
    from durable import engine

    class Host(engine.Host):
        def _run(self):  # no timer threads (durable-notes)
            return None

    return Host()


def run_durable(host, definitions, derives, facts):
    name = f"conformance-{next(_names)}"
    fired, derived = set(), set()
    ruleset = copy.deepcopy(definitions)

    def action(rule_id, names):
        fact = derived_fact(rule_id, *derives[rule_id]) if rule_id in derives else None

        def run(c):
            fired.add((rule_id, tuple(c._m[n]["id"] for n in names)))
            if fact and fact["id"] not in derived:
                derived.add(fact["id"])
                c.assert_fact(dict(fact))

        return run

    for rule_id, rule in ruleset.items():
        rule["run"] = action(rule_id, [next(iter(p)) for p in rule["all"]])
    ruleset[CATCH_ALL_RULE] = dict(copy.deepcopy(CATCH_ALL), run=lambda c: None)
    host.set_rulesets({name: ruleset})
    try:
        state = host.assert_facts(name, [dict(fact, sid="1") for fact in facts])
    except Exception:
        return "error"
    if state and "exception" in state:
        return "error"
    host.delete_state(name, "1")
    return fired


def run_python(definitions, derives, facts):
    try:
        activations = ruleset_from(definitions, derives).run(facts)
    except EngineError:
        return "error"
    return {(rule.id, tuple(fact["id"] for fact in matched)) for rule, matched in activations}


@settings(max_examples=400, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(ruleset_strategy(), facts_strategy())
def test_generated_rule_sets_fire_alike(durable_host, ruleset, facts):
    definitions, derives = ruleset
    # one rule that always fires: durable_rules crashes on deleting a session in which nothing
    # fired, and leaving such sessions alive makes a later deletion crash now and then
    definitions = {**definitions, "sentinel": {"all": [{"s": {"t": "sentinel"}}]}}
    facts = facts + [{"id": "sentinel", "t": "sentinel"}]
    assert run_python(definitions, derives, facts) == run_durable(durable_host, definitions, derives, facts)


# --------------------------------------------------------------------------------------------
# The Python engine's semantics on its own (no durable_rules needed)


def fired(definitions, facts, derives=None):
    return run_python(definitions, derives or {}, facts)


def test_each_combination_of_different_facts_fires_once():
    facts = [{"id": "g1", "t": "goal"}, {"id": "g2", "t": "goal"}]
    assert fired({"r": {"all": [{"p": {"t": "goal"}}, {"q": {"t": "goal"}}]}}, facts) == {
        ("r", ("g1", "g2")), ("r", ("g2", "g1"))
    }


def test_missing_fields_and_existence():
    facts = [{"id": "a", "t": "x", "n": 5}, {"id": "b", "t": "x"}]
    assert fired({"r": {"all": [{"p": {"$neq": {"n": 4}}}]}}, facts) == {("r", ("a",))}
    assert fired({"r": {"all": [{"p": {"$and": [{"t": "x"}, {"$nex": {"n": 1}}]}}]}}, facts) == {("r", ("b",))}
    assert fired({"r": {"all": [{"p": {"$ex": {"n": 1}}}]}}, facts) == {("r", ("a",))}


def test_comparing_values_as_durable_rules_does():
    assert compare("$lt", 5, 10.5) and compare("$eq", 5, 5.0) and compare("$gt", True, 0)
    assert compare("$lt", "apple", "banana") and compare("$lt", "Z", "a")
    assert compare("$lt", 5, "abc")  # a number meets text as its printed form: "5" < "abc"
    assert compare("$neq", 3, None) and not compare("$eq", 3, None) and compare("$eq", None, None)
    assert not compare("$neq", None, 3)  # nil on the left compares with nothing but nil
    assert not compare("$eq", [1], [1])


def test_references_join_on_an_earlier_fact():
    facts = [{"id": "r", "t": "readers", "number": 40}, {"id": "p1", "t": "posters", "number": 50},
             {"id": "p2", "t": "posters", "number": 30}, {"id": "p3", "t": "posters"}]
    rule = {"all": [{"readers": {"t": "readers"}}, {"p": {"$and": [{"t": "posters"}, {"$gt": {"number": {"readers": "number"}}}]}}]}
    assert fired({"more": rule}, facts) == {("more", ("r", "p1"))}
    equal = {"all": [{"a": {"t": "readers"}}, {"b": {"$and": [{"t": "posters"}, {"number": {"a": "number"}}]}}]}
    assert fired({"same": equal}, facts + [{"id": "p4", "t": "posters", "number": 40.0}, {"id": "p5", "t": "posters", "number": 40}]) == {
        ("same", ("r", "p5"))  # 40 joins 40, not 40.0: durable_rules joins on the printed value
    }


def test_a_reference_to_a_missing_field_fails_the_consultation():
    facts = [{"id": "r", "t": "readers"}, {"id": "p", "t": "posters", "number": 3}]
    rule = {"all": [{"readers": {"t": "readers"}}, {"p": {"$and": [{"t": "posters"}, {"$gt": {"number": {"readers": "number"}}}]}}]}
    with pytest.raises(EngineError, match="no field 'number'"):
        ruleset_from({"r": rule}).run(facts)


def test_derived_facts_chain_and_are_asserted_once():
    definitions = {
        "low": {"all": [{"p": {"$and": [{"t": "answer"}, {"$lt": {"number": 10}}]}}]},
        "also-low": {"all": [{"p": {"$and": [{"t": "answer"}, {"$lt": {"number": 20}}]}}]},
        "advise": {"all": [{"g": {"t": "goal"}}, {"d": {"$and": [{"t": "derived"}, {"name": "breadth"}, {"value": "low"}]}}]},
    }
    derives = {"low": ("breadth", "low"), "also-low": ("breadth", "low")}
    facts = [{"id": "goal", "t": "goal"}, {"id": "a1", "t": "answer", "number": 5}, {"id": "a2", "t": "answer", "number": 7}]
    assert fired(definitions, facts, derives) == {
        ("low", ("a1",)), ("low", ("a2",)), ("also-low", ("a1",)), ("also-low", ("a2",)),
        ("advise", ("goal", "derived:breadth:low")), ("advise", ("goal", "derived:breadth:also-low")),
    }


def test_a_fact_asserted_twice_is_an_error():
    with pytest.raises(EngineError, match="asserted twice"):
        ruleset_from({"r": {"all": [{"p": {"t": "x"}}]}}).run([{"id": "a", "t": "x"}, {"id": "a", "t": "x"}])


@pytest.mark.parametrize(
    "definition",
    [
        {"any": [{"p": {"t": "x"}}]},
        {"all": [{"p": {"t": "x", "k": 1}}]},  # durable_rules would read only the first key
        {"all": [{"p": {"$mt": {"k": "a.*"}}}]},
        {"all": [{"p": {"t": "x"}}, {"q": {"$or": [{"k": {"p": "k"}}, {"t": "y"}]}}]},
        {"all": [{"p": {"k": {"q": "k"}}}, {"q": {"t": "x"}}]},  # refers to a later pattern
        {"all": [{"p": {"k": [1, 2]}}]},
        {"all": []},
    ],
)
def test_what_the_python_engine_does_not_support_is_refused_up_front(definition):
    with pytest.raises(DefinitionError):
        ruleset_from({"r": definition})
