"""The advice as Markdown: the saved report of the questionnaire and `--format markdown`."""

from __future__ import annotations

from ..i18n import answer_label, lever, t
from ..schema import Advice, Evidence
from .escape import markdown_text


def goal_labels(advice: Advice) -> dict[str, str]:
    return {item.goal: item.label for item in advice.strategy}


def evidence_line(evidence: Evidence, lang: str) -> str:
    """One line naming a piece of evidence: id, what it relates and how."""
    if evidence.kind == "finding":
        what = f"{evidence.construct} × {evidence.usage}: {t(lang, 'relation.' + (evidence.relation or 'none'))}"
        if evidence.strength:
            what += f"; {t(lang, 'strength')}: {evidence.strength}"
    else:
        what = t(lang, "kind." + evidence.kind)
    return f"{evidence.finding} ({what})"


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
        out += [f"**{t(lang, 'steer_on')}:** " + ", ".join(lever(lang, name) for name in rec.levers), ""]
        out += [f"**{t(lang, 'evidence')}:**", ""]
        for evidence in rec.evidence:
            out.append(f"- `{evidence_line(evidence, lang)}`: {evidence.summary}")
            if quotes:
                out.append(f"  > {evidence.quote}")
        out += ["", f"**{t(lang, 'practice')}:**", ""]
        out += [f"- {tactic.text}" for tactic in rec.practice]
        out += ["", f"<sub>{t(lang, 'rules')}: {', '.join(rec.rules)}</sub>", ""]
    for heading, notices in (("warnings", advice.warnings), ("caveats", advice.caveats)):
        if not notices:
            continue
        out += [f"## {t(lang, heading)}", ""]
        for notice in notices:
            cited = ", ".join(e.finding for e in notice.evidence)
            out.append(f"- {notice.text} <sub>({cited})</sub>")
        out.append("")
    if advice.unknowns:
        out += [f"## {t(lang, 'unknowns')}", ""]
        for unknown in advice.unknowns:
            goals = ", ".join(labels[g] for g in unknown.goals)
            out.append("- " + t(lang, "unknown_line", answer=answer_label(lang, unknown.answer), goals=goals))
        out.append("")
    out += ["---", "", f"<sub>{t(lang, 'knowledge', version=advice.knowledge_version)}</sub>", ""]
    return "\n".join(out)
