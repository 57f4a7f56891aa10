"""A small chart of the current usage pattern against what each chosen goal calls for.

One row per kind of use (lever), with one numbered column per chosen goal: ● where the goal's
profile says to steer on that use (`steer_on` in goals.yaml: a finding relates it to the goal),
◇ where only an authors' conclusion suggests it (`suggested`: never drawn as a studied lever), ○
where no relation was found or shown for that goal; then a bar for where the organisation is now.
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..i18n import number, t
from ..vocabulary import FREQUENCIES, LEVER_ANSWERS, LEVERS, PURPOSE_LEVELS, UNKNOWN, lever_label

WIDTH = 16  # characters of a full bar


def level(key: str, value) -> float | None:
    """How far along its scale an answer is, from 0 to 1 (None when not known)."""
    if value is None or value == UNKNOWN:
        return None
    if isinstance(value, (int, float)):
        return value / 100
    if value in FREQUENCIES:  # daily is the most, less than monthly the least
        return (len(FREQUENCIES) - FREQUENCIES.index(value)) / len(FREQUENCIES)
    return PURPOSE_LEVELS.index(value) / (len(PURPOSE_LEVELS) - 1)


def usage_chart(answers, knowledge, lang: str) -> Group:
    """The chart for these answers; rows for every use a chosen goal steers on or that was answered."""
    goals = list(answers.goals)
    profiles = knowledge.goal_profiles
    no_relation = {
        (f.construct, f.usage) for f in knowledge.findings.values() if f.relation in ("none", "not_shown")
    }
    labels = {
        question.key: {choice.value: choice.label.get(lang) for choice in question.choices}
        for question in knowledge.questions
    }
    table = Table(box=None, padding=(0, 1), show_edge=False, header_style="bold")
    table.add_column(t(lang, "chart.usage"), ratio=1, min_width=16)
    for column, _ in enumerate(goals, 1):
        table.add_column(str(column), justify="center", no_wrap=True)
    table.add_column(t(lang, "chart.now"), no_wrap=True)
    table.add_column("", no_wrap=True)
    for name in LEVERS:
        key = LEVER_ANSWERS[name]
        value = answers.value(key)
        steered = [name in profiles[goal].steer_on for goal in goals]
        suggested = [name in profiles[goal].suggested for goal in goals]
        if not any(steered) and not any(suggested) and value == UNKNOWN:
            continue
        fraction = level(key, value)
        if fraction is None:
            bar = Text("·" * WIDTH, style="dim")
            shown = Text(t(lang, "q.dont_know"), style="dim")
        else:
            filled = round(fraction * WIDTH)
            bar = Text.assemble(("█" * filled, "cyan"), ("░" * (WIDTH - filled), "dim"))
            shown = Text(f"{number(lang, value)}%" if isinstance(value, (int, float)) else labels.get(key, {}).get(value, value))
        marks = [
            Text("●", style="bold green")
            if steer
            else Text("◇", style="magenta")
            if suggest
            else Text("○", style="dim")
            if (goal, name) in no_relation
            else Text("")
            for goal, steer, suggest in zip(goals, steered, suggested)
        ]
        table.add_row(lever_label(lang, name), *marks, bar, shown)
    legend = "  ".join(f"{number} {profiles[goal].label.get(lang)}" for number, goal in enumerate(goals, 1))
    return Group(
        Text(t(lang, "chart.title"), style="bold underline"),
        table,
        Text(legend, style="dim"),
        Text(t(lang, "chart.legend"), style="dim"),
    )
