"""The advice as Markdown: the saved report of the questionnaire and `--format markdown`.

What to do comes first (advisor/render/summary.py), then the detail, then what the advice is
based on. Identifiers (rule and finding ids, the knowledge base's version) only with details."""

from __future__ import annotations

import datetime

from ..i18n import t
from ..vocabulary import answer_label, lever_label
from ..schema import Advice, Evidence
from .chart import MARKS, WIDTH, UsageChart, chart_of
from .escape import markdown_text
from .measured import measured_lines
from .summary import action_line, basis_of, evidence_words, goal_labels, goals_line, inferred_words, status_text, top_actions


def relation_text(relation: str, inferred: bool, lang: str) -> str:
    """'positive relation', or 'not shown, inferred' for a relation read from the source's wording."""
    text = t(lang, "relation." + relation)
    return f"{text}, {t(lang, 'inferred')}" if inferred else text


def evidence_line(evidence: Evidence, lang: str, labels: dict[str, str]) -> str:
    """One line naming a piece of evidence: id, what it relates (in words) and how."""
    if evidence.kind == "finding":
        construct = labels.get(evidence.construct or "", evidence.construct)
        relation = relation_text(evidence.relation or "none", evidence.inferred, lang)
        what = f"{construct} × {lever_label(lang, evidence.usage or '')}: {relation}"
        if evidence.strength:
            what += f"; {t(lang, 'strength')}: {evidence.strength}"
    else:
        what = t(lang, "kind." + evidence.kind)
    return f"{evidence.finding} ({what})"


def cited(evidence: list[Evidence], lang: str) -> str:
    """The ids a warning or caveat cites, an inferred relation marked so."""
    return ", ".join(e.finding + (f" ({t(lang, 'inferred')})" if e.inferred else "") for e in evidence)


def inferred_lines(evidence: list[Evidence], lang: str) -> list[str]:
    """For the inferred relations a warning or caveat cites: which, and how each was read (one line
    per note, so findings read the same way share it)."""
    notes: dict[str, list[str]] = {}
    for item in evidence:
        if item.inferred:
            notes.setdefault(item.note or "", []).append(item.finding)
    label = t(lang, "inferred").capitalize()
    return [f"{label} ({', '.join(ids)}): {note}".rstrip(": ") for note, ids in notes.items()]


def note_line(evidence: Evidence, lang: str) -> str | None:
    """'Note: ...' for evidence with a note (how an inferred relation was read, and more)."""
    return f"{t(lang, 'note')}: {evidence.note}" if evidence.note else None



def render_markdown(
    advice: Advice,
    *,
    organisation: str | None = None,
    quotes: bool = True,
    answers=None,
    knowledge=None,
    details: bool = False,
    today: datetime.date | None = None,
) -> str:
    """The report. answers and knowledge (both or neither) add the usage chart, the answers the
    advice rests on and the study cited; details adds the identifiers."""
    lang = advice.lang
    labels = goal_labels(advice)
    basis = basis_of(advice, answers, knowledge, today)
    out: list[str] = [f"# {t(lang, 'title')}", ""]
    if organisation:
        out += [f"_{t(lang, 'for_org', name=markdown_text(organisation))}_", ""]
    out += [f"## {t(lang, 'report.in_short')}", "", f"**{t(lang, 'report.goals')}:** {goals_line(advice)}", ""]
    if advice.recommendations:
        out += [f"**{t(lang, 'report.do_first')}**", ""]
        out += [f"{rec.priority}. {action_line(rec, lang)}" for rec in top_actions(advice)]
        out.append("")
    else:
        out += [t(lang, "no_recommendations"), ""]
    out += [f"_{basis.line}_", ""]
    out += [f"## {t(lang, 'strategy')}", ""]
    out += [f"- **{item.label}**: {item.text}" for item in advice.strategy]
    out.append("")
    if answers is not None and knowledge is not None:
        out += chart_markdown(chart_of(answers, knowledge, lang))
    out += [f"## {t(lang, 'recommendations')}", ""]
    if not advice.recommendations:
        out += [t(lang, "no_recommendations"), ""]
    for rec in advice.recommendations:
        goals = ", ".join(labels[g] for g in rec.goals)
        out += [f"### {rec.priority}. {rec.title}", "", f"*{status_text(lang, rec.status)}* · {goals}", "", rec.summary, ""]
        if rec.basis == "conclusion":
            out += [f"**{t(lang, 'basis.conclusion')}**", ""]
        out += [f"**{t(lang, 'steer_on')}:** " + ", ".join(lever_label(lang, name) for name in rec.levers), ""]
        out += [f"**{t(lang, 'evidence')}:**", ""]
        for evidence in rec.evidence:
            if details:
                out.append(f"- `{evidence_line(evidence, lang, labels)}`: {evidence.summary}")
            else:
                out.append(f"- {evidence_words(evidence, lang)}")
            if evidence.note:
                out.append(f"  _{note_line(evidence, lang)}_")
            if quotes:
                out.append(f"  > {evidence.quote}")
        out += ["", f"**{t(lang, 'practice')}:**", ""]
        out += [f"- {tactic.text}" for tactic in rec.practice]
        out.append("")
        if details:
            out += [f"<sub>{t(lang, 'rules')}: {', '.join(rec.rules)}</sub>", ""]
    if advice.recommendations:
        out += [f"_{t(lang, 'heuristics')}_", ""]
    measured = measured_lines(advice)
    for heading, notices in (("warnings", advice.warnings), ("caveats", advice.caveats)):
        extra = measured if heading == "caveats" else []
        if not notices and not extra:
            continue
        out += [f"## {t(lang, heading)}", ""]
        for notice in notices:
            if details:
                out.append(f"- {notice.text} <sub>({cited(notice.evidence, lang)})</sub>")
                out += [f"  - _{line}_" for line in inferred_lines(notice.evidence, lang)]
            else:
                out.append(f"- {notice.text}")
                out += [f"  - _{line}_" for line in inferred_words(notice.evidence, lang)]
        if extra:  # measured usage: said beside the correlation caveat
            out.append(f"- {markdown_text(extra[0])}")
            out += [f"  - {markdown_text(line)}" for line in extra[1:]]
        out.append("")
    if advice.unknowns:
        out += [f"## {t(lang, 'unknowns')}", ""]
        for unknown in advice.unknowns:
            goals = ", ".join(labels[g] for g in unknown.goals)
            out.append("- " + t(lang, "unknown_line", answer=answer_label(lang, unknown.answer), goals=goals))
        out.append("")
    out += ["---", "", f"## {t(lang, 'report.based_on')}", ""]
    if basis.answers:
        out += [t(lang, "report.answers_given", date=basis.day), ""]
        out += [f"- {label}: {value}" for label, value in basis.answers]
        out.append("")
        if basis.measured:
            out += [basis.measured_from, ""]
            out += [f"- {label}: {value}" for label, value in basis.measured]
            out.append("")
    else:
        out += [t(lang, "report.made_on", date=basis.day), ""]
    if basis.source:
        out += [basis.source, ""]
    if details:
        out += [f"<sub>{t(lang, 'knowledge', version=advice.knowledge_version)}</sub>", ""]
    return "\n".join(out)


def chart_markdown(chart: UsageChart) -> list[str]:
    """The usage chart as a table with text bars."""
    lang = chart.lang
    out = [f"## {chart.title}", ""]
    if not chart.rows:
        return out + [chart.empty, ""]
    numbers = [str(n) for n in range(1, len(chart.goals) + 1)]
    out.append(f"| {t(lang, 'chart.usage')} | " + " | ".join(numbers) + f" | {t(lang, 'chart.now')} | |")
    out.append("|---|" + ":-:|" * len(numbers) + "---|---|")
    for row in chart.rows:
        if row.level is None:
            bar = "·" * WIDTH
        else:
            filled, spanned = row.cells(WIDTH)  # a band: ▒ from where it starts to where it ends
            bar = "█" * filled + "▒" * spanned + "░" * (WIDTH - filled - spanned)
        marks = " | ".join(MARKS[mark] for mark in row.marks)
        out.append(f"| {row.label} | {marks} | `{bar}` | {row.shown} |")
    return out + ["", f"_{chart.numbered}_", "", f"_{chart.legend}_", ""]
