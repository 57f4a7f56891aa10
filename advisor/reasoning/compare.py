"""Two consultations compared: what changed in the advice, and which rules made it change.

Used by `advisor whatif` (the same answers with some set differently) and `advisor diff` (two
answers files, e.g. this year's survey and last year's).
"""

from __future__ import annotations

from typing import Any

from ..knowledge.load import Knowledge
from ..schema import Advice, AnswerChange, Comparison, ConclusionChange, DerivedChange, RuleTrace
from ..vocabulary import ANSWER_KEYS
from .consultation import Consultation
from .trace import concluding, trace_rule

KINDS = ("recommendation", "warning", "caveat")


def comparison_of(
    first: Consultation,
    second: Consultation,
    advice_before: Advice,
    advice_after: Advice,
    *,
    sources: tuple[str, str] = ("before", "after"),
) -> Comparison:
    """What changed from the first consultation to the second, and which rules made it change."""
    knowledge = first.knowledge
    before, after = first.answers, second.answers
    lang = advice_after.lang
    answers = []
    if list(before.goals) != list(after.goals):
        answers.append(AnswerChange(key="goals", before=list(before.goals), after=list(after.goals)))
    for key in ANSWER_KEYS:
        if first.values[key] != second.values[key]:
            answers.append(AnswerChange(key=key, before=first.values[key], after=second.values[key]))
    derived = [
        DerivedChange(name=name, before=first.derived_values(name), after=second.derived_values(name))
        for name in dict.fromkeys(list(first.derived) + list(second.derived))
        if first.derived_values(name) != second.derived_values(name)
    ]
    changes, unchanged = _changes(knowledge, first, second, advice_before, advice_after)
    return Comparison(
        knowledge_version=knowledge.version,
        lang=lang,
        before_source=sources[0],
        after_source=sources[1],
        answers=answers,
        derived=derived,
        changes=changes,
        unchanged=unchanged,
        before=advice_before,
        after=advice_after,
    )


def _items(advice: Advice) -> dict[tuple[str, str], Any]:
    found: dict[tuple[str, str], Any] = {}
    for kind, items in zip(KINDS, (advice.recommendations, advice.warnings, advice.caveats)):
        for item in items:
            found[(kind, item.id)] = item
    return found


def _state(item: Any) -> dict[str, Any]:
    state: dict[str, Any] = {"goals": list(item.goals)}
    if hasattr(item, "priority"):
        state["priority"] = item.priority
        state["status"] = item.status
    return state


def _changes(
    knowledge: Knowledge, first: Consultation, second: Consultation, before: Advice, after: Advice
) -> tuple[list[ConclusionChange], list[str]]:
    lang = after.lang
    old, new = _items(before), _items(after)
    changes: list[ConclusionChange] = []
    unchanged: list[str] = []
    for key in list(old) + [key for key in new if key not in old]:
        kind, id_ = key
        was, now = old.get(key), new.get(key)
        if was is not None and now is not None and _state(was) == _state(now):
            unchanged.append(id_)
            continue
        if now is None:
            change, rules = "removed", list(was.rules)
        elif was is None:
            change, rules = "added", list(now.rules)
        else:
            change = "changed"
            rules = [
                rule.id
                for rule in concluding(knowledge, id_)
                if (rule.id in first.fired) != (rule.id in second.fired)
                or first.fired.get(rule.id) != second.fired.get(rule.id)
            ]
        item = now if now is not None else was
        changes.append(
            ConclusionChange(
                kind=kind,
                id=id_,
                text=getattr(item, "title", None) or item.text,
                change=change,
                before=_state(was) if was is not None else None,
                after=_state(now) if now is not None else None,
                rules=[_traced(second, knowledge, rule_id, lang) for rule_id in rules],
            )
        )
    order = {"added": 0, "removed": 1, "changed": 2}
    changes.sort(key=lambda c: (KINDS.index(c.kind), order[c.change]))
    return changes, unchanged


def _traced(consultation: Consultation, knowledge: Knowledge, rule_id: str, lang: str) -> RuleTrace:
    return trace_rule(consultation, knowledge.rules_by_id[rule_id], lang=lang)
