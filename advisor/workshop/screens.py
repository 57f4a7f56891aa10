"""The presenter's screens, as data: a stable key, a title, and a body drawn for a given width.

Screens in order: responses; the group's goals (Borda ranking); one per question with its
distribution; the group's strategy; the group's recommendations; one per named team beside the
group; one per finding behind the group's goals; the closing screen. Until the workshop reaches
its minimum group size only the responses screen exists. Aggregates are hidden until revealed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from rich.align import Align
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..i18n import t, tn
from ..vocabulary import lever_label
from . import labels
from .aggregate import Distribution
from .bigtext import big_digits
from .handout import evidence_title, goal_rows
from .ranking import MAX_GOALS, SHARE
from .summary import TeamResult, WorkshopSummary

# High contrast on any background: bold and reverse video, colour only as a second signal.
STRONG = "bold"
MARK = "bold reverse"


@dataclass(frozen=True)
class Screen:
    key: str  # stable across reloads of the workshop file: the presenter keeps its place by it
    title: str
    draw: Callable[[bool, int, int], RenderableType]  # (revealed, width, height) -> body
    revealable: bool = False


def build_screens(summary: WorkshopSummary, file_name: str) -> list[Screen]:
    lang = summary.lang
    screens = [Screen("responses", t(lang, "workshop.responses_title"), lambda r, w, h: _responses(summary, w, h))]
    if not summary.ready:
        return screens
    screens.append(
        Screen("ranking", t(lang, "workshop.ranking"), lambda r, w, h: _ranking(summary, r, w), revealable=True)
    )
    count = len(summary.distributions)
    for index, item in enumerate(summary.distributions, 1):
        screens.append(
            Screen(
                "question:" + item.key,
                t(lang, "workshop.question", index=index, count=count),
                lambda r, w, h, item=item: _question(summary, item, r, w),
                revealable=not item.withheld,
            )
        )
    screens.append(Screen("strategy", t(lang, "workshop.group_strategy"), lambda r, w, h: _strategy(summary)))
    screens.append(
        Screen("recommendations", t(lang, "workshop.group_recommendations"), lambda r, w, h: _recommendations(summary))
    )
    for team in summary.teams:
        screens.append(
            Screen(
                "team:" + team.team.casefold(),
                t(lang, "workshop.comparison", team=team.team),
                lambda r, w, h, team=team: _team(summary, team, w),
            )
        )
    count = len(summary.findings)
    for index, evidence in enumerate(summary.findings, 1):
        screens.append(
            Screen(
                "finding:" + evidence.finding,
                t(lang, "workshop.finding", index=index, count=count),
                lambda r, w, h, evidence=evidence: _finding(summary, evidence),
            )
        )
    screens.append(Screen("end", t(lang, "workshop.end_title"), lambda r, w, h: _end(summary, file_name)))
    return screens


def _responses(summary: WorkshopSummary, width: int, height: int) -> RenderableType:
    lang = summary.lang
    scale = 2 if width >= 110 and height >= 34 else 1
    parts: list[RenderableType] = [Text("")]
    # centred as one block: centring each row would drop the trailing spaces of a digit's shape
    # (the 1, 2, 5 and 6) and shift its rows apart
    parts.append(Align.center(Text("\n".join(big_digits(summary.total, scale)), style=STRONG, no_wrap=True)))
    word = t(lang, "workshop.response_one" if summary.total == 1 else "workshop.response_many")
    parts += [Text(""), Text(word, style=STRONG, justify="center")]
    parts.append(
        Text(t(lang, "workshop.named_anonymous", named=summary.named, anonymous=summary.anonymous), justify="center")
    )
    parts.append(Text(""))
    if summary.ready:
        parts.append(Text(t(lang, "workshop.ready", min=summary.min_group_size), justify="center"))
    else:
        waiting = tn(lang, "workshop.waiting", summary.min_group_size, min=summary.min_group_size, missing=summary.missing)
        parts.append(Text(waiting, style=MARK, justify="center"))
    return Group(*parts)


def _hidden(lang: str, prompt: str) -> RenderableType:
    return Group(Text(prompt, style=STRONG), Text(""), Text(t(lang, "workshop.press_reveal"), style=MARK, justify="center"))


def _bars(rows: list[tuple[str, int, str]], width: int) -> Table:
    """Horizontal bars: label, a bar scaled to the largest value, and a note."""
    table = Table.grid(padding=(0, 1))
    label_width = min(max((len(label) for label, _, _ in rows), default=0), max(width * 2 // 5, 12))
    note_width = max((len(note) for _, _, note in rows), default=0)
    table.add_column(width=label_width, no_wrap=True, overflow="ellipsis")
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    room = max(width - label_width - note_width - 4, 4)
    top = max((value for _, value, _ in rows), default=0) or 1
    for label, value, note in rows:
        table.add_row(Text(label, style=STRONG), Text("█" * round(room * value / top) or "▏", style=STRONG), note)
    return table


def _ranking(summary: WorkshopSummary, revealed: bool, width: int) -> RenderableType:
    lang = summary.lang
    if not revealed:
        return _hidden(lang, t(lang, "workshop.ranking_prompt"))
    ranked = goal_rows(summary)
    rows = [
        (f"{place}. {label}", item.points, t(lang, "workshop.points_line", points=item.points, first=item.places[0]))
        for place, label, item, _, _ in ranked
    ]
    why = Table.grid(padding=(0, 1))  # why each goal is, or is not, the group's
    why.add_column(no_wrap=True)
    why.add_column(ratio=1)
    for _, label, _, chosen, reason in ranked:
        why.add_row(Text("●" if chosen else "○", style=STRONG), Text.assemble((label, STRONG if chosen else ""), ": ", reason))
    goals = ", ".join(summary.goal_label(goal) for goal in summary.group.goals)
    return Group(
        _bars(rows, width),
        Text(""),
        Text.assemble((t(lang, "workshop.group_goals") + ": ", STRONG), (goals, MARK)),
        why,
        Text(""),
        Text(t(lang, "workshop.borda_short", share=f"{SHARE.numerator}/{SHARE.denominator}", max=MAX_GOALS)),
    )


def _question(summary: WorkshopSummary, item: Distribution, revealed: bool, width: int) -> RenderableType:
    lang = summary.lang
    prompt = Text(labels.question(summary.knowledge, lang, item.key), style=STRONG)
    answered = Text(tn(lang, "workshop.answered_by", item.total, known=item.known, total=item.total))
    if item.withheld:
        message = t(lang, "workshop.withheld_question", min=summary.min_group_size)
        return Group(prompt, answered, Text(""), Text(message, style=MARK))
    if not revealed:
        return Group(prompt, answered, Text(""), Text(t(lang, "workshop.press_reveal"), style=MARK, justify="center"))
    rows = [
        (labels.category(lang, summary.knowledge, item.key, name), count, str(count))
        for name, count in item.counts
        if name != "unknown" or count
    ]
    return Group(
        prompt,
        answered,
        Text(""),
        _bars(rows, width),
        Text(""),
        Text.assemble((t(lang, "workshop.group_answer") + ": ", STRONG), (labels.group_answer(lang, item, summary.knowledge), MARK)),
    )


def _strategy(summary: WorkshopSummary) -> RenderableType:
    parts: list[RenderableType] = []
    for item in summary.advice.strategy:
        parts += [Text(item.label, style=MARK), Text(item.text), Text("")]
    return Group(*parts)


def _recommendations(summary: WorkshopSummary) -> RenderableType:
    lang = summary.lang
    if not summary.advice.recommendations:
        return Text(t(lang, "no_recommendations"))
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    table.add_column(no_wrap=True)
    for number, rec in enumerate(summary.advice.recommendations, 1):
        steer = ", ".join(lever_label(lang, name) for name in rec.levers)
        if rec.basis == "conclusion":
            steer += f" ({t(lang, 'kind.conclusion')})"
        table.add_row(Text(f"{number}.", style=STRONG), Text.assemble((rec.title, STRONG), "\n", (steer, "")), t(lang, "status." + rec.status))
    return Group(table, Text(""), Text(t(lang, "heuristics")))


def _team(summary: WorkshopSummary, team: TeamResult, width: int) -> RenderableType:
    lang = summary.lang
    table = Table(box=None, padding=(0, 1), show_edge=False, header_style=STRONG)
    table.add_column("", no_wrap=True)
    table.add_column(t(lang, "recommendations"), ratio=1, overflow="ellipsis", no_wrap=True)
    table.add_column(t(lang, "workshop.group"), justify="center", no_wrap=True)
    table.add_column(team.team, justify="center", no_wrap=True, max_width=max(width // 4, 8), overflow="ellipsis")
    group_ids = [item.id for item in summary.advice.recommendations]
    for rid in summary.compared_recommendations():
        in_group, in_team = rid in group_ids, rid in team.recommendation_ids
        if not (in_group or in_team):
            continue
        differs = in_group != in_team
        table.add_row(
            Text("≠" if differs else " ", style=MARK if differs else ""),
            Text(summary.titles[rid], style=MARK if differs else ""),
            "●" if in_group else "–",
            "●" if in_team else "–",
        )
    own_goals = ", ".join(summary.goal_label(goal) for goal in team.answers.goals)
    verdict = (
        tn(lang, "workshop.diverges", len(team.only_group) + len(team.only_team), team=team.team, count=len(team.only_group) + len(team.only_team))
        if team.diverges
        else t(lang, "workshop.agrees", team=team.team)
    )
    return Group(
        Text.assemble((t(lang, "workshop.goals_of", team=team.team) + ": ", STRONG), own_goals),
        Text(""),
        table,
        Text(""),
        Text(verdict, style=MARK if team.diverges else STRONG),
    )


def _finding(summary: WorkshopSummary, evidence) -> RenderableType:
    parts: list[RenderableType] = [
        Text(evidence_title(summary, evidence), style=MARK),
        Text(""),
        Text(f"„{evidence.quote}”", style="bold italic"),
        Text(""),
        Text(evidence.summary),
    ]
    if evidence.note:  # how an inferred relation was read, and more
        parts.append(Text(f"{t(summary.lang, 'note')}: {evidence.note}"))
    return Group(*parts, Text(""), Text(f"[{evidence.finding}]"))


def _end(summary: WorkshopSummary, file_name: str) -> RenderableType:
    lang = summary.lang
    parts: list[RenderableType] = []
    if summary.advice.caveats:  # the caveats for every goal come first: the study's correlation caveat
        parts += [Text(t(lang, "caveats"), style=MARK), Text(summary.advice.caveats[0].text), Text("")]
    parts += [
        Text(t(lang, "workshop.handout_hint"), style=STRONG),
        Text(f"advisor workshop export {file_name} --format html --out handout.html"),
    ]
    return Group(*parts)
