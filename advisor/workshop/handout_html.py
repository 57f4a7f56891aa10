"""The handout as one self-contained HTML file: inline CSS (A4 print styles), inline SVG charts,
no scripts, no external assets, no URLs. In the workshop's language."""

from __future__ import annotations

from html import escape

from ..i18n import t, tn
from ..vocabulary import lever_label
from ..render.markdown import cited
from ..render.measured import measured_lines
from . import handout, labels
from .summary import WorkshopSummary
from .svg import bar_chart

CSS = """
:root { --ink: #111; --muted: #444; --accent: #0b3d91; --light: #dde5f3; --mark: #ffe08a; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); background: #fff;
       line-height: 1.45; margin: 0 auto; max-width: 900px; padding: 32px 40px; font-size: 15px; }
header { border-bottom: 3px solid var(--accent); margin-bottom: 24px; }
h1 { font-size: 28px; margin: 0 0 4px; }
h2 { font-size: 21px; color: var(--accent); border-bottom: 1px solid var(--light); padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 16px; margin: 18px 0 6px; }
h4 { font-size: 14px; margin: 10px 0 4px; }
p, li { margin: 4px 0; }
.subtitle, .note, footer { color: var(--muted); }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--accent); margin: 0; }
.goals { font-size: 17px; }
.goals strong, td.diff, .withheld { background: var(--mark); }
.status { display: inline-block; font-size: 12px; border: 1px solid var(--ink); border-radius: 3px; padding: 0 5px; margin-left: 6px; }
.practice { border-left: 4px solid var(--light); padding-left: 10px; }
.rec { border: 1px solid var(--light); border-radius: 4px; padding: 8px 14px; margin: 12px 0; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid #bbb; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--light); }
td.mark { text-align: center; }
blockquote { margin: 8px 0; padding: 6px 12px; border-left: 4px solid var(--accent); font-style: italic; background: #f5f7fb; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 6px 0; }
svg .label, svg .value { font-size: 13px; fill: var(--ink); }
svg .bar { fill: #8ea7d4; }
svg .bar.strong { fill: var(--accent); }
.withheld { padding: 6px 10px; }
footer { border-top: 1px solid var(--light); margin-top: 32px; padding-top: 8px; font-size: 13px; }
@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { margin-top: 18pt; break-after: avoid; }
  h3, h4 { break-after: avoid; }
  .rec, figure, blockquote, tr, svg.chart, .finding { break-inside: avoid; }
  section#evidence { break-before: page; }
  th { background: #e6e6e6; }
}
"""


DIFF = ' class="diff"'


def render_html(summary: WorkshopSummary) -> str:
    lang = summary.lang
    name = escape(summary.workshop.name)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{name} · {escape(t(lang, 'workshop.handout'))}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f'<p class="kicker">{escape(t(lang, "workshop.handout"))}</p>',
        f"<h1>{name}</h1>",
        f'<p class="subtitle">{escape(handout.intro(summary))}</p>',
        "</header>",
        "<main>",
    ]
    if not summary.ready:
        withheld = tn(lang, "workshop.withheld", summary.min_group_size, min=summary.min_group_size, total=summary.total)
        out.append(f'<p class="withheld">{escape(withheld)}</p>')
        out += _caveats(summary)
    else:
        for section in handout.SECTIONS:
            out += _SECTIONS[section](summary)
    out += [
        "</main>",
        "<footer>",
        f"<p>{escape(handout.source_line(summary))}</p>",
        f"<p>{escape(t(lang, 'knowledge', version=summary.knowledge.version))}</p>",
        "</footer>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(out)


def _open(summary: WorkshopSummary, section: str) -> list[str]:
    return [f'<section id="{section}">', f"<h2>{escape(handout.heading(summary.lang, section))}</h2>"]


def _goals(summary: WorkshopSummary) -> list[str]:
    lang = summary.lang
    out = _open(summary, "goals")
    chosen = [summary.goal_label(goal) for goal in summary.group.goals]
    out.append(
        f'<p class="goals">{escape(t(lang, "workshop.group_goals"))}: '
        + ", ".join(f"<strong>{escape(label)}</strong>" for label in chosen)
        + "</p>"
    )
    bars = [
        handout.Bar(summary.goal_label(item.goal), item.points, item.goal in summary.group.goals)
        for item in summary.ranking
    ]
    out.append(f"<figure>{bar_chart(bars, t(lang, 'workshop.ranking'))}</figure>")
    out += [
        "<table>",
        "<thead><tr>"
        + "".join(
            f"<th>{escape(t(lang, key))}</th>"
            for key in ("workshop.goal", "workshop.points", "workshop.first_places", "workshop.listed_by")
        )
        + "</tr></thead>",
        "<tbody>",
    ]
    for place, item in enumerate(summary.ranking, 1):
        out.append(
            f"<tr><td>{place}. {escape(summary.goal_label(item.goal))}</td><td>{item.points}</td>"
            f"<td>{item.places[0]}</td><td>{item.listed}</td></tr>"
        )
    out += ["</tbody>", "</table>", f'<p class="note">{escape(t(lang, "workshop.borda_short", k=summary.goals_per_response))}</p>', "</section>"]
    return out


def _strategy(summary: WorkshopSummary) -> list[str]:
    lang = summary.lang
    out = _open(summary, "strategy")
    for item in summary.advice.strategy:
        steer = ", ".join(lever_label(lang, name) for name in item.steer_on)
        suggested = ", ".join(lever_label(lang, name) for name in item.suggested)
        out += [f"<h3>{escape(item.label)}</h3>", f"<p>{escape(item.text)}</p>"]
        if steer:
            out.append(f'<p class="note">{escape(t(lang, "steer_on"))}: {escape(steer)}</p>')
        if suggested:
            out.append(f'<p class="note">{escape(t(lang, "suggested"))}: {escape(suggested)}</p>')
    out.append("</section>")
    return out


def _recommendations(summary: WorkshopSummary) -> list[str]:
    lang = summary.lang
    advice = summary.advice
    out = _open(summary, "recommendations")
    if not advice.recommendations:
        out.append(f"<p>{escape(t(lang, 'no_recommendations'))}</p>")
    for number, rec in enumerate(advice.recommendations, 1):
        goals = ", ".join(summary.goal_label(goal) for goal in rec.goals)
        out += [
            '<div class="rec">',
            f"<h3>{number}. {escape(rec.title)}"
            f'<span class="status">{escape(t(lang, "status." + rec.status))}</span></h3>',
            f"<p>{escape(rec.summary)}</p>",
            *([f"<p><strong>{escape(t(lang, 'basis.conclusion'))}</strong></p>"] if rec.basis == "conclusion" else []),
            f'<p class="note">{escape(t(lang, "serves"))}: {escape(goals)} · '
            f'{escape(t(lang, "steer_on"))}: {escape(", ".join(lever_label(lang, n) for n in rec.levers))}</p>',
            f"<h4>{escape(t(lang, 'evidence'))}</h4>",
            "<ul>",
        ]
        out += [f"<li>{escape(e.summary)} <span class=\"note\">[{escape(cited([e], lang))}]</span></li>" for e in rec.evidence]
        out += ["</ul>", '<div class="practice">', f"<h4>{escape(t(lang, 'practice'))}</h4>", "<ul>"]
        out += [f"<li>{escape(tactic.text)}</li>" for tactic in rec.practice]
        out += ["</ul>", "</div>", "</div>"]
    if advice.recommendations:
        out.append(f'<p class="note">{escape(t(lang, "heuristics"))}</p>')
    if advice.warnings:
        out += [f"<h3>{escape(t(lang, 'warnings'))}</h3>", "<ul>"]
        out += [f"<li>{escape(notice.text)}</li>" for notice in advice.warnings]
        out.append("</ul>")
    out.append("</section>")
    return out


def _answers(summary: WorkshopSummary) -> list[str]:
    lang = summary.lang
    out = _open(summary, "answers")
    for item in summary.distributions:
        question = labels.question(summary.knowledge, lang, item.key)
        out += [
            '<div class="question">',
            f"<h3>{escape(question)}</h3>",
            f'<p class="note">{escape(tn(lang, "workshop.answered_by", item.total, known=item.known, total=item.total))}</p>',
        ]
        if item.withheld:
            out.append(f'<p class="withheld">{escape(t(lang, "workshop.withheld_question", min=summary.min_group_size))}</p>')
        else:
            out.append(f"<figure>{bar_chart(handout.distribution_bars(summary, item), question)}</figure>")
            out.append(f"<p>{escape(handout.group_answer(summary, item))}</p>")
        out.append("</div>")
    out.append("</section>")
    return out


def _teams(summary: WorkshopSummary) -> list[str]:
    lang = summary.lang
    out = _open(summary, "teams")
    if not summary.teams:
        out += [f"<p>{escape(t(lang, 'workshop.no_named_teams'))}</p>", "</section>"]
        return out
    header = "".join(f"<th>{escape(team.team)}</th>" for team in summary.teams)
    out += [
        "<table>",
        f"<thead><tr><th></th><th>{escape(t(lang, 'workshop.group'))}</th>{header}</tr></thead>",
        "<tbody>",
    ]
    group_first = summary.goal_label(summary.group.goals[0])
    firsts = "".join(
        f"<td{DIFF if team.answers.goals[0] != summary.group.goals[0] else ''}>"
        f"{escape(summary.goal_label(team.answers.goals[0]))}</td>"
        for team in summary.teams
    )
    out.append(f"<tr><th>{escape(t(lang, 'workshop.first_goal'))}</th><td>{escape(group_first)}</td>{firsts}</tr>")
    for rid, in_group, in_teams in handout.comparison(summary):
        cells = "".join(
            f'<td class="mark diff">{"●" if present else "–"} ≠</td>'
            if present != in_group
            else f'<td class="mark">{"●" if present else "–"}</td>'
            for present in in_teams
        )
        out.append(
            f"<tr><td>{escape(summary.titles[rid])}</td><td class=\"mark\">{'●' if in_group else '–'}</td>{cells}</tr>"
        )
    out += ["</tbody>", "</table>", f'<p class="note">{escape(t(lang, "workshop.legend"))}</p>', "</section>"]
    return out


def _evidence(summary: WorkshopSummary) -> list[str]:
    lang = summary.lang
    out = _open(summary, "evidence")
    out.append(f'<p class="note">{escape(t(lang, "workshop.evidence_intro"))}</p>')
    for evidence in summary.findings:
        out += [
            '<div class="finding">',
            f"<h3>{escape(handout.evidence_title(summary, evidence))}</h3>",
            f'<blockquote lang="nl">„{escape(evidence.quote)}”</blockquote>',
            f"<p>{escape(evidence.summary)} <span class=\"note\">[{escape(evidence.finding)}]</span></p>",
            *([f'<p class="note">{escape(t(lang, "note"))}: {escape(evidence.note)}</p>'] if evidence.note else []),
            "</div>",
        ]
    out.append("</section>")
    return out


def _caveats(summary: WorkshopSummary) -> list[str]:
    lang = summary.lang
    out = _open(summary, "caveats")
    if summary.advice is not None and (summary.advice.caveats or summary.advice.measured):
        out.append("<ul>")
        out += [f"<li>{escape(notice.text)}</li>" for notice in summary.advice.caveats]
        out += [f"<li>{escape(line)}</li>" for line in measured_lines(summary.advice)]
        out.append("</ul>")
    out += [f"<h3>{escape(t(lang, 'workshop.section.method'))}</h3>", "<ul>"]
    out += [f"<li>{escape(line)}</li>" for line in handout.method(summary)]
    out += ["</ul>", "</section>"]
    return out


_SECTIONS = {
    "goals": _goals,
    "strategy": _strategy,
    "recommendations": _recommendations,
    "answers": _answers,
    "teams": _teams,
    "evidence": _evidence,
    "caveats": _caveats,
}
