"""A small chart of the current usage pattern against what each chosen goal calls for.

One row per kind of use (lever), with one numbered column per chosen goal: ● where the goal's
profile says to steer on that use (`steer_on` in goals.yaml: a finding relates it to the goal),
◇ where only an authors' conclusion suggests it (`suggested`: never drawn as a studied lever), ○
where no relation was found or shown for that goal; then a bar for where the organisation is now.

``chart_of`` computes the rows once; the terminal (``usage_chart``), Markdown and HTML reports
draw them each in their own way. When no chosen goal steers on any use and nothing was answered
(communication satisfaction alone), there are no rows and the chart says so in words.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..i18n import percent, t
from ..schema.shares import band_of
from ..vocabulary import FREQUENCIES, LEVER_ANSWERS, LEVERS, PURPOSE_LEVELS, UNKNOWN, lever_label

WIDTH = 16  # characters of a full bar
MARKS = {"steer": "●", "suggested": "◇", "none": "○", "": ""}


def level(key: str, value) -> float | None:
    """How far along its scale an answer is, from 0 to 1 (None when not known); for a band
    (25-50), where it starts (``reach`` says where it ends)."""
    if value is None or value == UNKNOWN:
        return None
    band = band_of(value)
    if band is not None:
        return band[0] / 100
    if isinstance(value, (int, float)):
        return value / 100
    if value in FREQUENCIES:  # daily is the most, less than monthly the least
        return (len(FREQUENCIES) - FREQUENCIES.index(value)) / len(FREQUENCIES)
    return PURPOSE_LEVELS.index(value) / (len(PURPOSE_LEVELS) - 1)


@dataclass(frozen=True)
class ChartRow:
    lever: str
    label: str  # the kind of use, in words
    marks: tuple[str, ...]  # per chosen goal: steer, suggested, none or "" (see MARKS)
    level: float | None  # where the organisation is now, 0 to 1; None: not known
    shown: str  # the answer, in words ("8%", "25-50%", "Weekly", "Don't know")
    reach: float | None = None  # a band: where it ends, 0 to 1 (level is where it starts)

    def cells(self, width: int) -> tuple[int, int]:
        """A bar of ``width`` cells: how many are filled, and how many after them the band spans."""
        filled = round((self.level or 0) * width)
        return filled, (max(round(self.reach * width) - filled, 1) if self.reach is not None else 0)


@dataclass(frozen=True)
class UsageChart:
    lang: str
    goals: tuple[str, ...]  # the goals' labels, in the person's order (the numbered columns)
    rows: tuple[ChartRow, ...]

    @property
    def title(self) -> str:
        return t(self.lang, "chart.title")

    @property
    def legend(self) -> str:
        """What the marks mean; and the span of a band (▒), when an answer is one."""
        return self.legend_with("chart.legend.band")

    def legend_with(self, band_key: str) -> str:
        """The legend, with the words ``band_key`` for how this format draws a band's span."""
        legend = t(self.lang, "chart.legend")
        if any(row.reach is not None for row in self.rows):
            legend += " · " + t(self.lang, band_key)
        return legend

    @property
    def numbered(self) -> str:
        """'1 Engagement  2 Alignment with the strategy': what each column's number stands for."""
        return "  ".join(f"{index} {label}" for index, label in enumerate(self.goals, 1))

    @property
    def empty(self) -> str:
        """What the chart says instead of rows when there are none."""
        return t(self.lang, "chart.empty", goals=", ".join(self.goals))


def answer_text(key: str, value, knowledge, lang: str) -> str:
    """An answer in words: '8%' (12,5% in Dutch), a band as its range ('25-50%'), the question's
    own label for a level, or "Don't know"."""
    if value is None or value == UNKNOWN:
        return t(lang, "q.dont_know")
    if isinstance(value, (int, float)) or band_of(value) is not None:
        return percent(lang, value)
    for question in knowledge.questions:
        if question.key == key:
            for choice in question.choices:
                if choice.value == value:
                    return choice.label.get(lang)
    return str(value)


def chart_of(answers, knowledge, lang: str) -> UsageChart:
    """The rows for these answers: every use a chosen goal steers on or that was answered."""
    goals = list(answers.goals)
    profiles = knowledge.goal_profiles
    no_relation = {
        (f.construct, f.usage) for f in knowledge.findings.values() if f.relation in ("none", "not_shown")
    }
    rows = []
    for name in LEVERS:
        key = LEVER_ANSWERS[name]
        value = answers.value(key)
        steered = [name in profiles[goal].steer_on for goal in goals]
        suggested = [name in profiles[goal].suggested for goal in goals]
        if not any(steered) and not any(suggested) and value == UNKNOWN:
            continue
        marks = tuple(
            "steer" if steer else "suggested" if suggest else "none" if (goal, name) in no_relation else ""
            for goal, steer, suggest in zip(goals, steered, suggested)
        )
        band = band_of(value)
        rows.append(
            ChartRow(
                name, lever_label(lang, name), marks, level(key, value), answer_text(key, value, knowledge, lang),
                reach=band[1] / 100 if band else None,
            )
        )
    labels = tuple(profiles[goal].label.get(lang) for goal in goals)
    return UsageChart(lang, labels, tuple(rows))


def usage_chart(answers, knowledge, lang: str) -> Group:
    """The chart for these answers, for a terminal."""
    chart = chart_of(answers, knowledge, lang)
    heading = Text(chart.title, style="bold underline")
    if not chart.rows:
        return Group(heading, Text(chart.empty))
    table = Table(box=None, padding=(0, 1), show_edge=False, header_style="bold")
    table.add_column(t(lang, "chart.usage"), ratio=1, min_width=16)
    for column, _ in enumerate(chart.goals, 1):
        table.add_column(str(column), justify="center", no_wrap=True)
    table.add_column(t(lang, "chart.now"), no_wrap=True)
    table.add_column("", no_wrap=True)
    styles = {"steer": "bold green", "suggested": "magenta", "none": "dim", "": ""}
    for row in chart.rows:
        if row.level is None:
            bar = Text("·" * WIDTH, style="dim")
            shown = Text(row.shown, style="dim")
        else:
            filled, spanned = row.cells(WIDTH)
            bar = Text.assemble(("█" * filled, "cyan"), ("▒" * spanned, "cyan"), ("░" * (WIDTH - filled - spanned), "dim"))
            shown = Text(row.shown)
        marks = [Text(MARKS[mark], style=styles[mark]) for mark in row.marks]
        table.add_row(row.label, *marks, bar, shown)
    return Group(heading, table, Text(chart.numbered, style="dim"), Text(chart.legend, style="dim"))
