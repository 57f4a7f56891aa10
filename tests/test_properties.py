"""Generated answers, valid and invalid: the advisor gives advice or a clear error, nothing else."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor import advise
from advisor.errors import AdvisorError
from advisor.files.read import read_document
from advisor.schema import Advice
from advisor.vocabulary import FREQUENCIES, GOALS, PURPOSE_LEVELS, PURPOSES

shares = st.one_of(st.just("unknown"), st.integers(0, 100), st.floats(0, 100, allow_nan=False))
frequencies = st.sampled_from(FREQUENCIES + ("unknown",))
levels = st.sampled_from(PURPOSE_LEVELS + ("unknown",))

valid_answers = st.fixed_dictionaries(
    {
        "goals": st.lists(st.sampled_from(GOALS), min_size=1, max_size=6, unique=True),
        "usage": st.fixed_dictionaries(
            {},
            optional={
                "active_share": shares,
                "active_frequency": frequencies,
                "passive_share": shares,
                "passive_frequency": frequencies,
            },
        ),
    },
    optional={
        "purposes": st.fixed_dictionaries({}, optional={p: levels for p in PURPOSES}),
        "organisation": st.fixed_dictionaries({}, optional={"name": st.text(min_size=1, max_size=20), "employees": st.integers(1, 100000)}),
    },
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


def mutate(answers: dict, data) -> dict:
    """A valid answers dict with one field replaced by something arbitrary."""
    broken = {**answers, "usage": dict(answers["usage"])}
    where = data.draw(st.sampled_from(["goals", "usage", "usage.active_share", "usage.active_frequency", "extra", "purposes"]))
    value = data.draw(json_values)
    if where.startswith("usage."):
        broken["usage"][where.split(".")[1]] = value
    else:
        broken[where] = value
    return broken


settings.register_profile("advisor", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("advisor")


@given(valid_answers, st.sampled_from(["en", "nl"]))
@settings(max_examples=300)
def test_valid_answers_always_give_complete_advice(answers, lang):
    advice = advise(answers, lang=lang)
    assert isinstance(advice, Advice)
    assert advice.goals == answers["goals"]
    assert "correlation-not-causation" in {c.id for c in advice.caveats}
    assert advice.recommendations or advice.warnings
    assert [r.priority for r in advice.recommendations] == list(range(1, len(advice.recommendations) + 1))
    # measured findings before authors' conclusions, and within each, gaps before strengths
    order = [(r.basis != "finding", r.status != "gap") for r in advice.recommendations]
    assert order == sorted(order)
    ids = [r.id for r in advice.recommendations]
    assert len(ids) == len(set(ids))
    # never a gap and a sustain on the same lever for the same goal
    for goal in advice.goals:
        gap = {lv for r in advice.recommendations if goal in r.goals and r.status == "gap" for lv in r.levers}
        sustain = {lv for r in advice.recommendations if goal in r.goals and r.status == "sustain" for lv in r.levers}
        assert not gap & sustain, (goal, gap & sustain)


@given(valid_answers, st.data())
@settings(max_examples=300)
def test_mutated_answers_give_advice_or_a_clear_error(answers, data):
    try:
        advise(mutate(answers, data))
    except AdvisorError as error:
        assert error.problems and all(problem.message for problem in error.problems)


@given(json_values)
@settings(max_examples=200)
def test_arbitrary_documents_give_advice_or_a_clear_error(value):
    try:
        advise(value)
    except AdvisorError as error:
        assert error.render()


@given(st.text(max_size=200))
@settings(max_examples=300)
def test_arbitrary_text_is_parsed_or_refused_clearly(text):
    try:
        read_document(text, "generated.yaml")
    except AdvisorError as error:
        assert error.render().startswith("generated.yaml")
