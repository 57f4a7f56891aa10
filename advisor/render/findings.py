"""The findings of the study as a table: for a facilitator to show the evidence itself. No column
is kept that most rows leave empty: the strength the source gives is shown with the relation."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..i18n import t, tn
from ..vocabulary import lever_label
from ..schema import FindingsTable
from .markdown import relation_text

RELATION_STYLE = {"positive": "green", "none": "red", "not_shown": "yellow"}


def render_findings(table: FindingsTable, console: Console, labels: dict[str, str], *, quotes: bool = False) -> None:
    lang = table.lang
    title = t(lang, "findings.title")
    if table.goals:
        title += " " + t(lang, "findings.for_goal", goal=", ".join(labels.get(g, g) for g in table.goals))
    findings = Table(title=title, title_style="bold", show_lines=True, expand=True)
    # the short columns get fixed widths (wider on a wide console) and the summary takes the rest;
    # the strength, which the source gives for one finding, is part of the relation, not a column
    # of its own that would be empty in every other row
    narrow = console.width < 120
    findings.add_column(t(lang, "col.construct"), width=13 if narrow else 16, overflow="fold")
    findings.add_column(t(lang, "col.usage"), width=14 if narrow else 22, overflow="fold")
    findings.add_column(t(lang, "col.relation"), width=13 if narrow else 24, overflow="fold")
    findings.add_column(t(lang, "col.summary"), ratio=1, overflow="fold")
    for row in table.findings:
        relation = Text(relation_text(row.relation, row.inferred, lang), style=RELATION_STYLE[row.relation])
        if row.strength:
            relation.append(f"\n{t(lang, 'strength')}: {row.strength}", style="dim")
        findings.add_row(
            labels.get(row.construct, row.construct),
            lever_label(lang, row.usage),
            relation,
            _summary(row.summary, row.id, row.quote if quotes else None, _note(row.note, lang)),
        )
    console.print(findings)
    if table.statements:
        statements = Table(title=t(lang, "findings.statements"), title_style="bold", show_lines=True, expand=True)
        statements.add_column(t(lang, "col.kind"), width=13 if narrow else None, overflow="fold")
        statements.add_column(t(lang, "col.summary"), ratio=1, overflow="fold")
        statements.add_column(t(lang, "col.findings"), style="dim", width=26 if narrow else None, overflow="fold")
        for row in table.statements:
            statements.add_row(
                t(lang, "kind." + row.kind),
                _summary(row.summary, row.id, row.quote if quotes else None),
                "\n".join(row.findings),
            )
        console.print(statements)
    console.print(Text(table.source, style="dim"))
    console.print(Text(_count(table, lang), style="dim"))


def _count(table: FindingsTable, lang: str) -> str:
    findings = tn(lang, "count.findings", len(table.findings), count=len(table.findings))
    statements = tn(lang, "count.statements", len(table.statements), count=len(table.statements))
    return t(lang, "findings.count", findings=findings, statements=statements)


def _note(note: str | None, lang: str) -> str | None:
    return f"{t(lang, 'note')}: {note}" if note else None


def _summary(summary: str, id_: str, quote: str | None, note: str | None = None) -> Text:
    text = Text(summary)
    if note:
        text.append(f"\n{note}", style="dim")
    text.append(f"\n{id_}", style="dim")
    if quote:
        text.append(f"\n“{quote}”", style="italic dim")
    return text


def findings_markdown(table: FindingsTable, labels: dict[str, str], *, quotes: bool = False) -> str:
    lang = table.lang

    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    title = t(lang, "findings.title")
    if table.goals:
        title += " " + t(lang, "findings.for_goal", goal=", ".join(labels.get(g, g) for g in table.goals))
    heads = ["col.id", "col.construct", "col.usage", "col.relation", "col.summary"]
    heads += ["col.quote"] if quotes else []
    out = [f"# {title}", "", "| " + " | ".join(t(lang, h) for h in heads) + " |", "|" + "---|" * len(heads)]
    for row in table.findings:
        cells = [
            f"`{row.id}`",
            labels.get(row.construct, row.construct),
            lever_label(lang, row.usage),
            relation_text(row.relation, row.inferred, lang) + (f"; {t(lang, 'strength')}: {row.strength}" if row.strength else ""),
            row.summary + (f" _{_note(row.note, lang)}_" if row.note else ""),
        ] + ([f"“{row.quote}”"] if quotes else [])
        out.append("| " + " | ".join(cell(c) for c in cells) + " |")
    if table.statements:
        heads = ["col.id", "col.kind", "col.summary", "col.findings"] + (["col.quote"] if quotes else [])
        out += ["", f"## {t(lang, 'findings.statements')}", ""]
        out += ["| " + " | ".join(t(lang, h) for h in heads) + " |", "|" + "---|" * len(heads)]
        for row in table.statements:
            cells = [f"`{row.id}`", t(lang, "kind." + row.kind), row.summary, ", ".join(row.findings)]
            cells += [f"“{row.quote}”"] if quotes else []
            out.append("| " + " | ".join(cell(c) for c in cells) + " |")
    out += ["", f"<sub>{cell(table.source)}</sub>", ""]
    return "\n".join(out)
