"""The advice as a rich terminal report: strategy first, then each recommendation with its
levers, status, evidence and practice, then warnings and caveats."""

from __future__ import annotations

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.text import Text

from ..i18n import t
from ..vocabulary import answer_label, lever_label
from ..schema import Advice
from .markdown import cited, evidence_line, goal_labels, inferred_lines, note_line
from .measured import measured_lines

STATUS_STYLE = {"gap": "bold yellow", "sustain": "bold green"}


def render_text(advice: Advice, console: Console, *, organisation: str | None = None, quotes: bool = False) -> None:
    lang = advice.lang
    labels = goal_labels(advice)
    title = t(lang, "title") + (f" ({t(lang, 'for_org', name=organisation)})" if organisation else "")
    console.print(Rule(Text(title, style="bold")))
    console.print()
    console.print(Text(t(lang, "strategy"), style="bold underline"))
    for item in advice.strategy:
        console.print(Padding(Text.assemble((item.label + ": ", "bold cyan"), item.text), (0, 0, 0, 2)))
    console.print()
    console.print(Text(t(lang, "recommendations"), style="bold underline"))
    if not advice.recommendations:
        console.print(Padding(t(lang, "no_recommendations"), (0, 0, 0, 2)))
    for rec in advice.recommendations:
        console.print(_recommendation(rec, lang, labels, quotes))
    if advice.recommendations:
        console.print(Padding(Text(t(lang, "heuristics"), style="dim"), (0, 0, 0, 2)))
        console.print()
    measured = measured_lines(advice)
    for heading, notices, style in (
        ("warnings", advice.warnings, "yellow"),
        ("caveats", advice.caveats, "blue"),
    ):
        extra = measured if heading == "caveats" else []
        if not notices and not extra:
            continue
        console.print(Text(t(lang, heading), style="bold underline"))
        for notice in notices:
            ids = cited(notice.evidence, lang)
            line = Text.assemble(("! " if heading == "warnings" else "i ", style), notice.text, (f"  [{ids}]", "dim"))
            console.print(Padding(line, (0, 0, 0, 2)))
            for inferred in inferred_lines(notice.evidence, lang):
                console.print(Padding(Text(inferred, style="dim"), (0, 0, 0, 4)))
        for index, line in enumerate(extra):  # measured usage: said beside the correlation caveat
            console.print(Padding(Text.assemble(("i ", style), line) if index == 0 else Text(line, style="dim"), (0, 0, 0, 2 if index == 0 else 4)))
        console.print()
    if advice.unknowns:
        console.print(Text(t(lang, "unknowns"), style="bold underline"))
        for unknown in advice.unknowns:
            goals = ", ".join(labels[g] for g in unknown.goals)
            text = t(lang, "unknown_line", answer=answer_label(lang, unknown.answer), goals=goals)
            console.print(Padding(Text("? " + text), (0, 0, 0, 2)))
        console.print()
    console.print(Text(t(lang, "knowledge", version=advice.knowledge_version), style="dim"))


def _recommendation(rec, lang: str, labels: dict[str, str], quotes: bool) -> Panel:
    status = t(lang, "status." + rec.status)
    header = Text.assemble(
        (f"{rec.priority}. ", "bold"),
        (rec.title, "bold"),
        "  ",
        (f"[{status}]", STATUS_STYLE[rec.status]),
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
        body.append(Padding(Text.assemble(("• ", "cyan"), evidence.summary, (f"  [{evidence_line(evidence, lang, labels)}]", "dim")), (0, 0, 0, 1)))
        if evidence.note:
            body.append(Padding(Text(note_line(evidence, lang), style="dim"), (0, 0, 0, 3)))
        if quotes:
            body.append(Padding(Text(f"“{evidence.quote}”", style="italic dim"), (0, 0, 0, 3)))
    body += [Text(""), Text(t(lang, "practice"), style="bold magenta")]
    for tactic in rec.practice:
        body.append(Padding(Text.assemble(("– ", "magenta"), tactic.text), (0, 0, 0, 1)))
    body.append(Text(f"{t(lang, 'rules')}: {', '.join(rec.rules)}", style="dim"))
    return Panel(Group(*body), title=header, title_align="left", border_style=STATUS_STYLE[rec.status].split()[-1])
