"""How the advice came about, and why something is not in it.

``explain`` follows the chain answers -> derived facts -> rules fired -> each recommendation,
warning and caveat -> the findings and their source quotes. ``why_not`` reads every rule that
concludes a recommendation (or warning, caveat, or a rule itself) against the answers and says
which conditions failed, with the actual and the required values.
"""

from __future__ import annotations

import difflib

from ..errors import AdvisorError, Problem
from ..knowledge.load import Knowledge
from ..schema import (
    Advice,
    AnswerTrace,
    ConclusionTrace,
    DerivedTrace,
    Explanation,
    ParameterTrace,
    RuleTrace,
    WhyNot,
)
from ..vocabulary import ANSWER_KEYS
from .consultation import Consultation
from .trace import concluding, trace_rule


def explanation_of(consultation: Consultation, advice: Advice) -> Explanation:
    knowledge = consultation.knowledge
    needs = knowledge.dependencies.needs(consultation.goals)
    answers = [
        AnswerTrace(key=key, value=consultation.values[key], needed_by=needs.get(key, {}).get("goals", []))
        for key in ANSWER_KEYS
    ]
    derived = [
        DerivedTrace(name=name, value=value, rule=rule)
        for name, values in consultation.derived.items()
        for value, rule in values
    ]
    conclusions = conclusions_of(consultation, advice)
    return Explanation(
        knowledge_version=advice.knowledge_version,
        lang=advice.lang,
        goals=list(advice.goals),
        answers=answers,
        derived=derived,
        trace=list(advice.trace),
        conclusions=conclusions,
        parameters=parameters_of(knowledge, [trace for item in conclusions for trace in item.rules], advice.lang),
    )


def parameters_of(knowledge: Knowledge, traces: list[RuleTrace], lang: str) -> list[ParameterTrace]:
    """Every threshold the traced rules (and the rules behind their derived facts) compare with,
    in the order of the parameters file, each with its provenance: the study gives none."""
    used: set[str] = set()

    def visit(trace: RuleTrace) -> None:
        for condition in trace.conditions:
            if condition.param:
                used.add(condition.param)
            for producer in condition.producers:
                visit(producer)

    for trace in traces:
        visit(trace)
    return [
        ParameterTrace(
            name=name,
            value=parameter.value,
            description=parameter.description.get(lang),
            provenance=parameter.provenance.get(lang),
        )
        for name, parameter in knowledge.parameters.items()
        if name in used
    ]


def conclusions_of(consultation: Consultation, advice: Advice) -> list[ConclusionTrace]:
    """Each recommendation, warning and caveat of the advice, with the rules that concluded it."""
    rules = consultation.knowledge.rules_by_id
    found = []
    for rec in advice.recommendations:
        found.append(
            ConclusionTrace(
                kind="recommendation",
                id=rec.id,
                text=rec.title,
                status=rec.status,
                priority=rec.priority,
                basis=rec.basis,
                goals=list(rec.goals),
                rules=[trace_rule(consultation, rules[rule_id], lang=advice.lang) for rule_id in rec.rules],
                evidence=list(rec.evidence),
            )
        )
    for kind, notices in (("warning", advice.warnings), ("caveat", advice.caveats)):
        for notice in notices:
            found.append(
                ConclusionTrace(
                    kind=kind,
                    id=notice.id,
                    text=notice.text,
                    goals=list(notice.goals),
                    rules=[trace_rule(consultation, rules[rule_id], lang=advice.lang) for rule_id in notice.rules],
                    evidence=list(notice.evidence),
                )
            )
    return found


def why_not_of(consultation: Consultation, advice: Advice, target: str) -> WhyNot:
    """Why a recommendation, warning, caveat or rule is (not) in the advice of a consultation."""
    knowledge = consultation.knowledge
    lang = advice.lang
    kind = target_kind(knowledge, target)
    if kind == "rule":
        rules = [knowledge.rules_by_id[target]]
        text = rules[0].description.get(lang)
    else:
        rules = concluding(knowledge, target)
        if kind == "recommendation":
            text = knowledge.recommendations[target].title.get(lang)
        else:
            text = knowledge.notices[target].text.get(lang)
    traces = [trace_rule(consultation, rule, lang=lang) for rule in rules]
    priority = None
    goals: list[str] = []
    if kind == "rule":
        in_advice = target in consultation.fired
        goals = list(consultation.fired.get(target, []))
    else:
        items = {"recommendation": advice.recommendations, "warning": advice.warnings, "caveat": advice.caveats}[kind]
        item = next((item for item in items if item.id == target), None)
        in_advice = item is not None
        if item is not None:
            goals = list(item.goals)
            priority = getattr(item, "priority", None)
    # the rules that fired first, then the near misses with the fewest failed conditions
    traces.sort(key=lambda trace: (not trace.fired, sum(not c.met for c in trace.conditions)))
    return WhyNot(
        knowledge_version=knowledge.version,
        lang=lang,
        id=target,
        kind=kind,
        text=text,
        in_advice=in_advice,
        priority=priority,
        goals=goals,
        rules=traces,
    )


def target_kind(knowledge: Knowledge, target: str) -> str:
    """What an id names: a recommendation, warning, caveat or rule; AdvisorError when nothing."""
    if target in knowledge.recommendations:
        return "recommendation"
    if target in knowledge.notices:
        return knowledge.notices[target].kind
    if target in knowledge.rules_by_id:
        return "rule"
    known = sorted(set(knowledge.recommendations) | set(knowledge.notices) | set(knowledge.rules_by_id))
    close = difflib.get_close_matches(target, known, n=3, cutoff=0.6)
    hint = (
        f"did you mean {' or '.join(repr(c) for c in close)}?"
        if close
        else "give a recommendation id (e.g. broaden-active-use), a warning or caveat id, or a rule id; "
        "`advisor explain --answers FILE` lists the ids in the advice"
    )
    raise AdvisorError(
        Problem(source="--why-not", message=f"no recommendation, warning, caveat or rule is called {target!r}", hint=hint)
    )

