"""The advice as a rich terminal report: what to do first (the goals and the first three
recommendations), then the strategy, the usage chart, each recommendation with its levers,
status, evidence and practice, the warnings and caveats, and what the advice is based on.

A report taller than the terminal ends with the summary again, so what to do is on screen when
the scrolling stops. Identifiers (rule and finding ids, the knowledge base's version) only with
details."""

from __future__ import annotations

import datetime

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..i18n import t
from ..vocabulary import answer_label, lever_label
from ..schema import Advice
from .chart import usage_chart
from .markdown import cited, evidence_line, inferred_lines, note_line
from .measured import measured_lines
from .summary import action_line, basis_of, evidence_words, goal_labels, goals_line, inferred_words, status_text, top_actions

STATUS_STYLE = {"gap": "bold yellow", "sustain": "bold green"}


def render_text(
    advice: Advice,
    console: Console,
    *,
    organisation: str | None = None,
    quotes: bool = False,
    answers=None,
    knowledge=None,
    details: bool = False,
    today: datetime.date | None = None,
) -> None:
    """Print the report (the same arguments as render_markdown)."""
    lang = advice.lang
    labels = goal_labels(advice)
    basis = basis_of(advice, answers, knowledge, today)
    title = t(lang, "title") + (f" ({t(lang, 'for_org', name=organisation)})" if organisation else "")
    summary = _summary(advice, basis.line)
    parts: list[RenderableType] = [Rule(Text(title, style="bold")), Text(""), summary, Text("")]
    parts.append(Text(t(lang, "strategy"), style="bold underline"))
    for item in advice.strategy:
        parts.append(Padding(Text.assemble((item.label + ": ", "bold cyan"), item.text), (0, 0, 0, 2)))
    parts.append(Text(""))
    if answers is not None and knowledge is not None:
        parts += [usage_chart(answers, knowledge, lang), Text("")]
    parts.append(Text(t(lang, "recommendations"), style="bold underline"))
    if not advice.recommendations:
        parts.append(Padding(t(lang, "no_recommendations"), (0, 0, 0, 2)))
    for rec in advice.recommendations:
        parts.append(_recommendation(rec, lang, labels, quotes, details))
    if advice.recommendations:
        parts += [Padding(Text(t(lang, "heuristics"), style="dim"), (0, 0, 0, 2)), Text("")]
    measured = measured_lines(advice)
    for heading, notices, style in (
        ("warnings", advice.warnings, "yellow"),
        ("caveats", advice.caveats, "blue"),
    ):
        extra = measured if heading == "caveats" else []
        if not notices and not extra:
            continue
        parts.append(Text(t(lang, heading), style="bold underline"))
        for notice in notices:
            line = Text(notice.text)
            if details:
                line.append(f"  [{cited(notice.evidence, lang)}]", style="dim")
            lines = inferred_lines(notice.evidence, lang) if details else inferred_words(notice.evidence, lang)
            body = Group(line, *(Text(inferred, style="dim") for inferred in lines)) if lines else line
            parts.append(hanging(Text("!" if heading == "warnings" else "i", style=style), body, 2))
        if extra:  # measured usage: said beside the correlation caveat
            body = Group(Text(extra[0]), *(Text(line, style="dim") for line in extra[1:]))
            parts.append(hanging(Text("i", style=style), body, 2))
        parts.append(Text(""))
    if advice.unknowns:
        parts.append(Text(t(lang, "unknowns"), style="bold underline"))
        for unknown in advice.unknowns:
            goals = ", ".join(labels[g] for g in unknown.goals)
            text = t(lang, "unknown_line", answer=answer_label(lang, unknown.answer), goals=goals)
            parts.append(hanging("?", text, 2))
        parts.append(Text(""))
    parts.append(Text(t(lang, "report.based_on"), style="bold underline"))
    if basis.answers:
        parts.append(Padding(Text(t(lang, "report.answers_given", date=basis.day)), (0, 0, 0, 2)))
        parts += [hanging("-", Text.assemble(f"{label}: ", (value, "bold")), 4) for label, value in basis.answers]
        if basis.measured:
            parts.append(Padding(Text(basis.measured_from), (0, 0, 0, 2)))
            parts += [hanging("-", Text.assemble(f"{label}: ", (value, "bold")), 4) for label, value in basis.measured]
    else:
        parts.append(Padding(Text(t(lang, "report.made_on", date=basis.day)), (0, 0, 0, 2)))
    if basis.source:
        parts.append(Padding(Text(basis.source, style="dim"), (0, 0, 0, 2)))
    if details:
        parts.append(Padding(Text(t(lang, "knowledge", version=advice.knowledge_version), style="dim"), (0, 0, 0, 2)))
    report = Group(*parts)
    console.print(report)
    if console.is_terminal and _height(console, report) > console.height:
        # the scrolling stops at the end: what to do comes again, so it is on screen then
        console.print()
        console.print(Rule(Text(title, style="bold")))
        console.print(summary)


def hanging(bullet: Text | str, text: Text | str, indent: int = 0) -> RenderableType:
    """A bulleted line whose continued lines keep under its text (a hanging indent)."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(bullet, text)
    return Padding(grid, (0, 0, 0, indent)) if indent else grid


def _height(console: Console, renderable: RenderableType) -> int:
    return len(console.render_lines(renderable, console.options, pad=False))


def _summary(advice: Advice, based_on: str) -> RenderableType:
    """What to do first: the goals, the first three recommendations one line each, and what the
    advice is based on, in one line."""
    lang = advice.lang
    parts: list[RenderableType] = [
        Text(t(lang, "report.in_short"), style="bold underline"),
        Padding(Text.assemble((t(lang, "report.goals") + ": ", "bold"), goals_line(advice)), (0, 0, 0, 2)),
    ]
    if advice.recommendations:
        parts.append(Padding(Text(t(lang, "report.do_first"), style="bold"), (0, 0, 0, 2)))
        for rec in top_actions(advice):
            parts.append(hanging(Text(f"{rec.priority}.", style="bold"), action_line(rec, lang), 4))
    else:
        parts.append(Padding(Text(t(lang, "no_recommendations")), (0, 0, 0, 2)))
    parts.append(Padding(Text(based_on, style="dim"), (0, 0, 0, 2)))
    return Group(*parts)


def _recommendation(rec, lang: str, labels: dict[str, str], quotes: bool, details: bool) -> Panel:
    status = status_text(lang, rec.status)
    header = Text.assemble(
        (f"{rec.priority}. ", "bold"),
        (rec.title, "bold"),
        "  ",
        (f"· {status}", STATUS_STYLE[rec.status]),
    )
    body: list = [Text(rec.summary)]
    if rec.basis == "conclusion":
        body.append(Text(t(lang, "basis.conclusion"), style="bold magenta"))
    body += [
        Text(""),
        Text.assemble((t(lang, "serves") + ": ", "bold"), ", ".join(labels[g] for g in rec.goals)),
        Text.assemble((t(lang, "steer_on") + ": ", "bold"), ", ".join(lever_label(lang, n) for n in rec.levers)),
        Text(""),
        Text(t(lang, "evidence"), style="bold"),
    ]
    for evidence in rec.evidence:
        if details:
            lines = [Text.assemble(evidence.summary, (f"  [{evidence_line(evidence, lang, labels)}]", "dim"))]
        else:
            lines = [Text(evidence_words(evidence, lang))]
        if evidence.note:
            lines.append(Text(note_line(evidence, lang), style="dim"))
        if quotes:
            lines.append(Text(f"“{evidence.quote}”", style="italic dim"))
        body.append(hanging(Text("•", style="cyan"), Group(*lines), 1))
    body += [Text(""), Text(t(lang, "practice"), style="bold magenta")]
    for tactic in rec.practice:
        body.append(hanging(Text("–", style="magenta"), tactic.text, 1))
    if details:
        body.append(Text(f"{t(lang, 'rules')}: {', '.join(rec.rules)}", style="dim"))
    return Panel(Group(*body), title=header, title_align="left", border_style=STATUS_STYLE[rec.status].split()[-1])
