"""Asking one question of each kind: goals (choose, then order), share (a band or a typed
percentage), choice, text and number. Each returns the answer, or BACK when the person goes back.
"? why" shows the explanation and asks the same question again, with the selection kept.

The questions themselves (prompts, help, choices) are data: rules/catalog/questions.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ..answers.values import MAX_EMPLOYEES, count_from_text, share_from_text
from ..i18n import t
from ..vocabulary import UNKNOWN
from .prompts import BACK, Help, Option, Prompter

_TYPE = "<type a number>"

Explain = Callable[[], None]


@dataclass(frozen=True)
class GoalsView:
    """The goals question, in one language: what the checkbox and the ranking show."""

    prompt: str
    help: str
    rank_prompt: str
    goals: tuple[tuple[str, str], ...]  # (goal, label), in the order of goals.yaml


def ask_goals(prompter: Prompter, view: GoalsView, default: list[str] | None, explain: Explain):
    """The chosen goals, most important first. Several chosen: the person puts them in order."""
    lang = prompter.lang
    labels = dict(view.goals)
    options = [Option(label, goal) for goal, label in view.goals]
    checked: tuple = tuple(default or ())
    pointed = None
    while True:
        result = prompter.checkbox(
            view.prompt, options, checked=checked, pointed=pointed, required=t(lang, "q.goals_required")
        )
        if isinstance(result, Help):
            explain()
            checked, pointed = result.selected, result.pointed
            continue
        ordered = _rank(prompter, view, result, labels, list(default or ()), explain)
        if ordered is BACK:
            checked, pointed = tuple(result), None
            continue
        prompter.answered(view.prompt, ", ".join(f"{n}. {labels[g]}" for n, g in enumerate(ordered, 1)))
        return ordered


def _rank(prompter, view, chosen: list[str], labels, previous: list[str], explain):
    ranked: list[str] = []
    while len(ranked) < len(chosen) - 1:
        remaining = [g for g in chosen if g not in ranked]
        earlier = [g for g in previous if g in remaining]
        before = ", ".join(f"{n}. {labels[g]}" for n, g in enumerate(ranked, 1))
        # the first step asks what matters most; the next ones, what comes after those put first
        message = t(prompter.lang, "q.rank_next", ranked=before) if before else view.rank_prompt
        result = prompter.select(
            message, [Option(labels[g], g) for g in remaining], default=earlier[0] if earlier else None, echo=False
        )
        if isinstance(result, Help):
            explain()
        elif result is BACK:
            if not ranked:
                return BACK
            ranked.pop()
        else:
            ranked.append(result)
    return ranked + [g for g in chosen if g not in ranked]


def ask_choice(prompter: Prompter, question, default: Any, explain: Explain, *, back: bool):
    lang = prompter.lang
    options = [Option(c.label.get(lang), c.value) for c in question.choices]
    options.append(Option(t(lang, "q.dont_know"), UNKNOWN))
    pointed = default
    while True:
        result = prompter.select(question.prompt.get(lang), options, default=pointed, back=back)
        if not isinstance(result, Help):
            return result
        explain()
        pointed = result.pointed


def ask_share(prompter: Prompter, question, default: Any, explain: Explain, *, back: bool):
    """A band as the answers write it ('25-50'), a typed percentage, or 'unknown'."""
    lang = prompter.lang
    message = question.prompt.get(lang)
    options = [Option(c.label.get(lang), c.answer) for c in question.choices]
    options += [Option(t(lang, "q.type_share"), _TYPE), Option(t(lang, "q.dont_know"), UNKNOWN)]
    bands = {c.answer for c in question.choices}
    typed = isinstance(default, (int, float)) and default not in bands
    pointed = _TYPE if typed else default
    while True:
        result = prompter.select(message, options, default=pointed, back=back, echo=False)
        if isinstance(result, Help):
            explain()
            pointed = result.pointed
            continue
        if result is BACK:
            return BACK
        if result != _TYPE:
            prompter.answered(message, next(o.label for o in options if o.value == result))
            return result
        text = prompter.text(
            t(lang, "q.share_prompt"),
            default=format_share(default, lang) if typed else "",
            validate=lambda text: None if parse_share(text) is not None else t(lang, "q.share_invalid"),
            why=False,
            shown=lambda text: f"{format_share(parse_share(text), lang)}%",
            echo=message,
        )
        if isinstance(text, str):
            return parse_share(text)
        pointed = _TYPE  # back from typing: to the bands again


def ask_text(prompter: Prompter, question, default: Any, explain: Explain, *, back: bool):
    """Free text (the organisation's name); empty means not given (None)."""
    lang = prompter.lang
    while True:
        result = prompter.text(
            question.prompt.get(lang),
            default=default or "",
            validate=lambda text: t(lang, "q.text_too_long") if len(text) > 200 else None,
            optional=question.optional,
            back=back,
        )
        if not isinstance(result, Help):
            return result if result is BACK or result else None
        explain()


def ask_number(prompter: Prompter, question, default: Any, explain: Explain, *, back: bool):
    """A whole number (the number of employees); empty means not given (None)."""
    lang = prompter.lang
    while True:
        result = prompter.text(
            question.prompt.get(lang),
            default=str(default) if default else "",
            validate=lambda text: None if (not text and question.optional) or parse_count(text) else t(lang, "q.count_invalid"),
            optional=question.optional,
            back=back,
            shown=lambda text: f"{parse_count(text):,}".replace(",", "." if lang == "nl" else ","),
        )
        if not isinstance(result, Help):
            return result if result is BACK else parse_count(result)
        explain()


ASK = {"choice": ask_choice, "share": ask_share, "text": ask_text, "number": ask_number}


def parse_share(text: str) -> int | float | None:
    """'8', '8%', '12.5' or '12,5' (a Dutch decimal comma) -> a percentage from 0 to 100, read as
    every channel reads a share (advisor/answers/values.py)."""
    value = share_from_text(text)
    return value if value is not None and 0 <= value <= 100 else None


def format_share(value: Any, lang: str = "en") -> str:
    """12.5 -> '12.5', or '12,5' in Dutch."""
    text = f"{value:g}" if isinstance(value, (int, float)) else ""
    return text.replace(".", ",") if lang == "nl" else text


def parse_count(text: str) -> int | None:
    """'1200', '1.200', '1,200' or '1 200' -> 1200; None unless a whole number from 1 to 10 million."""
    value = count_from_text(text)
    return value if value is not None and 1 <= value <= MAX_EMPLOYEES else None
