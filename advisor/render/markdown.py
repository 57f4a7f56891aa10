"""The advice as Markdown: the saved report of the questionnaire and `--format markdown`."""

from __future__ import annotations

from ..i18n import t
from ..vocabulary import answer_label, lever_label
from ..schema import Advice, Evidence
from .escape import markdown_text
from .measured import measured_lines


def goal_labels(advice: Advice) -> dict[str, str]:
    return {item.goal: item.label for item in advice.strategy}


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


def render_markdown(advice: Advice, *, organisation: str | None = None, quotes: bool = True) -> str:
    lang = advice.lang
    labels = goal_labels(advice)
    out: list[str] = [f"# {t(lang, 'title')}", ""]
    if organisation:
        out += [f"_{t(lang, 'for_org', name=markdown_text(organisation))}_", ""]
    out += [f"## {t(lang, 'strategy')}", ""]
    out += [f"- **{item.label}**: {item.text}" for item in advice.strategy]
    out += ["", f"## {t(lang, 'recommendations')}", ""]
    if not advice.recommendations:
        out += [t(lang, "no_recommendations"), ""]
    for rec in advice.recommendations:
        status = t(lang, "status." + rec.status)
        goals = ", ".join(labels[g] for g in rec.goals)
        out += [f"### {rec.priority}. {rec.title}", "", f"*{status}* · {goals}", "", rec.summary, ""]
        if rec.basis == "conclusion":
            out += [f"**{t(lang, 'basis.conclusion')}**", ""]
        out += [f"**{t(lang, 'steer_on')}:** " + ", ".join(lever_label(lang, name) for name in rec.levers), ""]
        out += [f"**{t(lang, 'evidence')}:**", ""]
        for evidence in rec.evidence:
            out.append(f"- `{evidence_line(evidence, lang, labels)}`: {evidence.summary}")
            if evidence.note:
                out.append(f"  _{note_line(evidence, lang)}_")
            if quotes:
                out.append(f"  > {evidence.quote}")
        out += ["", f"**{t(lang, 'practice')}:**", ""]
        out += [f"- {tactic.text}" for tactic in rec.practice]
        out += ["", f"<sub>{t(lang, 'rules')}: {', '.join(rec.rules)}</sub>", ""]
    if advice.recommendations:
        out += [f"_{t(lang, 'heuristics')}_", ""]
    measured = measured_lines(advice)
    for heading, notices in (("warnings", advice.warnings), ("caveats", advice.caveats)):
        extra = measured if heading == "caveats" else []
        if not notices and not extra:
            continue
        out += [f"## {t(lang, heading)}", ""]
        for notice in notices:
            out.append(f"- {notice.text} <sub>({cited(notice.evidence, lang)})</sub>")
            out += [f"  - _{line}_" for line in inferred_lines(notice.evidence, lang)]
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
    out += ["---", "", f"<sub>{t(lang, 'knowledge', version=advice.knowledge_version)}</sub>", ""]
    return "\n".join(out)
