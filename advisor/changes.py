"""Two consultations compared: what changed in the advice, and which rules made it change.

Used by `advisor whatif` (the same answers with some set differently) and `advisor diff` (two
answers files, e.g. this year's survey and last year's).
"""

from __future__ import annotations

import difflib
from typing import Any

from .conditions import Consultation, concluding, consult, trace_rule
from .errors import AdvisorError, Problem
from .knowledge import Knowledge
from .reasoning import build_advice, parse_answers
from .schema import Advice, AnswerChange, Answers, Comparison, ConclusionChange, DerivedChange, RuleTrace
from .vocabulary import ANSWER_KEYS, GOALS, SHARE_ANSWERS, UNKNOWN, answer_choices

KINDS = ("recommendation", "warning", "caveat")


def compare(
    knowledge: Knowledge,
    before: Answers,
    after: Answers,
    *,
    lang: str = "en",
    sources: tuple[str, str] = ("before", "after"),
    engine: str | None = None,
) -> Comparison:
    first = consult(knowledge, before, engine, lang)
    second = consult(knowledge, after, engine, lang)
    advice_before = build_advice(knowledge, before, first.firings, lang)
    advice_after = build_advice(knowledge, after, second.firings, lang)
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
                rules=[_traced(second, knowledge, rule_id) for rule_id in rules],
            )
        )
    order = {"added": 0, "removed": 1, "changed": 2}
    changes.sort(key=lambda c: (KINDS.index(c.kind), order[c.change]))
    return changes, unchanged


def _traced(consultation: Consultation, knowledge: Knowledge, rule_id: str) -> RuleTrace:
    return trace_rule(consultation, knowledge.rules_by_id[rule_id])


# --------------------------------------------------------------------------------------------
# --set KEY=VALUE


def apply_settings(answers: Answers, settings: list[str]) -> Answers:
    """The answers with each KEY=VALUE applied; AdvisorError naming the setting when one is wrong."""
    document = answers.model_dump(mode="json", exclude_none=True)
    seen: set[str] = set()
    for setting in settings:
        key, value = parse_setting(setting)
        if key in seen:
            raise _setting_error(setting, f"{key} is set twice", "give each answer once")
        seen.add(key)
        if key == "goals":
            document["goals"] = value
        else:
            section, name = key.split(".", 1)
            document.setdefault(section, {})[name] = value
    return parse_answers(document, source="--set")


def parse_setting(setting: str) -> tuple[str, Any]:
    if "=" not in setting:
        raise _setting_error(setting, "expected KEY=VALUE", "e.g. --set usage.active_share=25")
    raw_key, raw_value = (part.strip() for part in setting.split("=", 1))
    key = _answer_key(setting, raw_key)
    if not raw_value:
        raise _setting_error(setting, f"no value for {key}", _allowed(key))
    if key == "goals":
        goals = [goal.strip() for goal in raw_value.split(",") if goal.strip()]
        wrong = [goal for goal in goals if goal not in GOALS]
        if wrong or not goals:
            raise _setting_error(setting, f"unknown goal {wrong[0]!r}" if wrong else "no goals", _allowed(key))
        if len(set(goals)) != len(goals):
            raise _setting_error(setting, "a goal is listed twice", "list each goal once, most important first")
        return key, goals
    if raw_value == UNKNOWN:
        return key, UNKNOWN
    if key in SHARE_ANSWERS:
        try:
            number = float(raw_value.rstrip("%"))
        except ValueError:
            raise _setting_error(setting, f"{key} takes a percentage, not {raw_value!r}", _allowed(key)) from None
        if not 0 <= number <= 100:
            raise _setting_error(setting, f"{key} must be between 0 and 100, not {raw_value}", _allowed(key))
        return key, int(number) if number.is_integer() else number
    if raw_value not in (answer_choices(key) or ()):
        raise _setting_error(setting, f"{key} is never {raw_value!r}", _allowed(key))
    return key, raw_value


def _answer_key(setting: str, raw: str) -> str:
    if raw == "goals" or raw in ANSWER_KEYS:
        return raw
    matches = [key for key in ANSWER_KEYS if key.split(".", 1)[1] == raw]  # active_share for usage.active_share
    if len(matches) == 1:
        return matches[0]
    close = difflib.get_close_matches(raw, list(ANSWER_KEYS) + ["goals"], n=1, cutoff=0.6)
    hint = f"did you mean {close[0]}?" if close else "keys: goals, " + ", ".join(ANSWER_KEYS)
    raise _setting_error(setting, f"unknown answer {raw!r}", hint)


def _allowed(key: str) -> str:
    if key == "goals":
        return "a comma-separated list of: " + ", ".join(GOALS)
    choices = answer_choices(key)
    if choices is None:
        return "a percentage from 0 to 100, or unknown"
    return "one of: " + ", ".join(choices + (UNKNOWN,))


def _setting_error(setting: str, message: str, hint: str) -> AdvisorError:
    return AdvisorError(Problem(source="--set", field=setting, message=message, hint=hint))
