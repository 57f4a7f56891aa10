"""The handout as Markdown: the same sections as the HTML, with tables and text bars."""

from __future__ import annotations

from ..i18n import t, tn
from ..vocabulary import lever_label
from ..render.escape import markdown_text
from ..render.markdown import cited
from ..render.measured import measured_lines
from . import handout, labels
from .ranking import MAX_GOALS, SHARE
from .summary import WorkshopSummary

BAR = 20  # characters of the longest text bar


def _cell(text: str) -> str:
    return markdown_text(text)


def _bars(bars: list[handout.Bar]) -> list[str]:
    top = max((bar.value for bar in bars), default=0) or 1
    lines = ["| | | |", "|---|---:|---|"]
    for bar in bars:
        label = f"**{_cell(bar.label)}**" if bar.highlight else _cell(bar.label)
        lines.append(f"| {label} | {bar.value} | `{'█' * round(BAR * bar.value / top)}` |")
    return lines + [""]


def render_markdown(summary: WorkshopSummary) -> str:
    lang = summary.lang
    out = [f"# {markdown_text(summary.workshop.name)}", "", f"_{t(lang, 'workshop.handout')} · {handout.intro(summary)}_", ""]
    if not summary.ready:
        out += [tn(lang, "workshop.withheld", summary.min_group_size, min=summary.min_group_size, total=summary.total), ""]
        out += _caveats(summary)
    else:
        for section in handout.SECTIONS:
            out += [f"## {handout.heading(lang, section)}", ""]
            out += _SECTIONS[section](summary)
    out += ["---", "", f"<sub>{handout.source_line(summary)} {t(lang, 'knowledge', version=summary.knowledge.version)}</sub>", ""]
    return "\n".join(out)


def _goals(summary: WorkshopSummary) -> list[str]:
    lang = summary.lang
    chosen = ", ".join(f"**{summary.goal_label(goal)}**" for goal in summary.group.goals)
    out = [f"{t(lang, 'workshop.group_goals')}: {chosen}", ""]
    keys = ("workshop.goal", "workshop.points", "workshop.first_places", "workshop.listed_by", "workshop.why")
    out.append("| # | " + " | ".join(t(lang, key) for key in keys) + " |")
    out.append("|---:|---|---:|---:|---:|---|")
    for place, label, item, chosen, why in handout.goal_rows(summary):
        shown = f"**{label}**" if chosen else label
        out.append(f"| {place} | {shown} | {item.points} | {item.places[0]} | {item.listed} | {why} |")
    share = f"{SHARE.numerator}/{SHARE.denominator}"
    return out + ["", f"_{t(lang, 'workshop.borda_short', share=share, max=MAX_GOALS)}_", ""]


def _strategy(summary: WorkshopSummary) -> list[str]:
    lang = summary.lang
    out = []
    for item in summary.advice.strategy:
        steer = ", ".join(lever_label(lang, name) for name in item.steer_on)
        suggested = ", ".join(lever_label(lang, name) for name in item.suggested)
        line = f"- **{item.label}**: {item.text}" + (f" _{t(lang, 'steer_on')}: {steer}._" if steer else "")
        out.append(line + (f" _{t(lang, 'suggested')}: {suggested}._" if suggested else ""))
    return out + [""]


def _recommendations(summary: WorkshopSummary) -> list[str]:
    lang = summary.lang
    advice = summary.advice
    out: list[str] = []
    if not advice.recommendations:
        out += [t(lang, "no_recommendations"), ""]
    for number, rec in enumerate(advice.recommendations, 1):
        goals = ", ".join(summary.goal_label(goal) for goal in rec.goals)
        levers = ", ".join(lever_label(lang, name) for name in rec.levers)
        out += [f"### {number}. {rec.title} ({t(lang, 'status.' + rec.status)})", "", rec.summary, ""]
        if rec.basis == "conclusion":
            out += [f"**{t(lang, 'basis.conclusion')}**", ""]
        out += [f"_{t(lang, 'serves')}: {goals} · {t(lang, 'steer_on')}: {levers}_", "", f"**{t(lang, 'evidence')}:**", ""]
        out += [f"- {e.summary} `[{cited([e], lang)}]`" for e in rec.evidence]
        out += ["", f"**{t(lang, 'practice')}:**", ""]
        out += [f"- {tactic.text}" for tactic in rec.practice]
        out.append("")
    if advice.recommendations:
        out += [f"_{t(lang, 'heuristics')}_", ""]
    if advice.warnings:
        out += [f"### {t(lang, 'warnings')}", ""]
        out += [f"- {notice.text}" for notice in advice.warnings]
        out.append("")
    return out


def _answers(summary: WorkshopSummary) -> list[str]:
    lang = summary.lang
    out: list[str] = []
    for item in summary.distributions:
        out += [f"### {labels.question(summary.knowledge, lang, item.key)}", ""]
        out += [f"_{tn(lang, 'workshop.answered_by', item.total, known=item.known, total=item.total)}_", ""]
        if item.withheld:
            out += [t(lang, "workshop.withheld_question", min=summary.min_group_size), ""]
            continue
        out += _bars(handout.distribution_bars(summary, item))
        out += [handout.group_answer(summary, item), ""]
    return out


def _teams(summary: WorkshopSummary) -> list[str]:
    lang = summary.lang
    if not summary.teams:
        return [t(lang, "workshop.no_named_teams"), ""]
    names = [_cell(team.team) for team in summary.teams]
    out = [f"| | {t(lang, 'workshop.group')} | " + " | ".join(names) + " |", "|---|:---:|" + ":---:|" * len(names)]
    group_first = summary.group.goals[0]
    firsts = [
        summary.goal_label(team.answers.goals[0]) + (" ≠" if team.answers.goals[0] != group_first else "")
        for team in summary.teams
    ]
    out.append(f"| **{t(lang, 'workshop.first_goal')}** | {summary.goal_label(group_first)} | " + " | ".join(firsts) + " |")
    for rid, in_group, in_teams in handout.comparison(summary):
        cells = [("●" if present else "–") + (" ≠" if present != in_group else "") for present in in_teams]
        out.append(f"| {_cell(summary.titles[rid])} | {'●' if in_group else '–'} | " + " | ".join(cells) + " |")
    return out + ["", f"_{t(lang, 'workshop.legend')}_", ""]


def _evidence(summary: WorkshopSummary) -> list[str]:
    out = [f"_{t(summary.lang, 'workshop.evidence_intro')}_", ""]
    for evidence in summary.findings:
        out += [f"### {handout.evidence_title(summary, evidence)}", "", f"> „{evidence.quote}”", ""]
        out += [f"{evidence.summary} `[{evidence.finding}]`", ""]
        if evidence.note:
            out += [f"_{t(summary.lang, 'note')}: {evidence.note}_", ""]
    return out


def _caveats(summary: WorkshopSummary) -> list[str]:
    lang = summary.lang
    out: list[str] = []
    if summary.advice is not None and (summary.advice.caveats or summary.advice.measured):
        out += [f"- {notice.text}" for notice in summary.advice.caveats]
        out += [f"- {markdown_text(line)}" for line in measured_lines(summary.advice)] + [""]
    out += [f"### {t(lang, 'workshop.section.method')}", ""]
    out += [f"- {line}" for line in handout.method(summary)]
    return out + [""]


_SECTIONS = {
    "goals": _goals,
    "strategy": _strategy,
    "recommendations": _recommendations,
    "answers": _answers,
    "teams": _teams,
    "evidence": _evidence,
    "caveats": _caveats,
}
