"""Conditions and traced rules as short lines of text, and as branches of a rich tree."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from rich.tree import Tree

from ..i18n import t
from ..schema import Condition, RuleTrace
from ..vocabulary import GOALS

OPERATORS = {"is": "=", "is_not": "!=", "in": "in", "lt": "<", "lte": "<=", "gt": ">", "gte": ">="}


def value_text(value: Any, lang: str = "en") -> str:
    if isinstance(value, list):
        return "[" + ", ".join(value_text(item, lang) for item in value) + "]"
    if isinstance(value, float):  # a share, read to two decimals: 12.5, or 12,5 in Dutch
        text = str(int(value)) if value.is_integer() else f"{value:g}"
        return text.replace(".", ",") if lang == "nl" else text
    return str(value)


def condition_text(condition: Condition, lang: str, *, actual: bool = True, labels: dict[str, str] | None = None) -> str:
    """e.g. 'usage.active_share < 10 (active_share_low); answer: 8'. Goals by their labels."""
    if condition.kind == "goal":
        names = labels or {}
        required = condition.required
        wanted = t(lang, "cond.any_goal") if len(required) == len(GOALS) else ", ".join(names.get(g, g) for g in required)
        text = f"{t(lang, 'cond.goal')}: {wanted}"
        if actual:
            text += f"; {t(lang, 'cond.chosen')}: {', '.join(names.get(g, g) for g in condition.actual)}"
        return text
    required = value_text(condition.required, lang)
    source = condition.param or condition.ref
    if source:
        required += f" ({source})"
    text = f"{condition.subject} {OPERATORS[condition.test]} {required}"
    if actual:
        if condition.kind == "derived":
            shown = ", ".join(condition.actual) if condition.actual else t(lang, "cond.nothing")
            text += f"; {t(lang, 'cond.derived')}: {shown}"
        else:
            text += f"; {t(lang, 'cond.answer')}: {value_text(condition.actual, lang)}"
    return text


def mark(ok: bool, ascii_only: bool = False) -> tuple[str, str]:
    if ascii_only:
        return ("+ " if ok else "- "), ("green" if ok else "red")
    return ("✓ " if ok else "✗ "), ("green" if ok else "red")


def rule_label(trace: RuleTrace, lang: str, *, ascii_only: bool = False, verdict: bool = True) -> Text:
    label = Text()
    if verdict:
        symbol, style = mark(trace.fired, ascii_only)
        label.append(symbol, style=style)
    label.append(trace.rule, style="bold")
    if verdict:
        label.append(f" ({t(lang, 'whynot.fires' if trace.fired else 'whynot.does_not_fire')})", style="dim")
    label.append(f": {trace.description}")
    return label


def add_conditions(
    tree: Tree, trace: RuleTrace, lang: str, *, ascii_only: bool = False, labels: dict[str, str] | None = None
) -> None:
    """One branch per condition; a derived condition grows the rules behind its value."""
    for condition in trace.conditions:
        symbol, style = mark(condition.met, ascii_only)
        branch = tree.add(Text.assemble((symbol, style), condition_text(condition, lang, labels=labels)))
        for producer in condition.producers:
            key = "whynot.did_derive" if producer.fired else "whynot.would_derive"
            words = t(lang, key, rule=producer.rule, name=producer.target, value=producer.value)
            sub = branch.add(Text(words, style="dim" if producer.fired else ""))
            add_conditions(sub, producer, lang, ascii_only=ascii_only, labels=labels)


def needs(trace: RuleTrace, lang: str, labels: dict[str, str] | None = None) -> list[str]:
    """The failed conditions of a rule, down to answers and goals: what it would take to fire."""
    found = []
    for condition in trace.conditions:
        if condition.met:
            continue
        if condition.kind == "derived" and condition.producers:
            options = [" & ".join(needs(producer, lang, labels)) or producer.rule for producer in condition.producers]
            found.append(t(lang, "whynot.or").join(dict.fromkeys(options)))
        else:
            found.append(condition_text(condition, lang, labels=labels))
    return found
