"""The handout as one self-contained HTML file: inline CSS (A4 print styles), bar charts drawn
with CSS, no scripts, no external assets, no URLs. In the workshop's language.

It reads on a phone as well as on paper: the charts' bars are boxes scaled to their values (on
a narrow screen each label goes above its bar instead of the chart shrinking), and each table
becomes a stack of labelled cards."""

from __future__ import annotations

from html import escape

from ..i18n import t, tn
from ..vocabulary import lever_label
from ..render.markdown import cited
from ..render.measured import measured_lines
from . import handout, labels
from .ranking import MAX_GOALS, SHARE
from .summary import WorkshopSummary

CSS = """
:root { --ink: #111; --muted: #444; --accent: #0b3d91; --light: #dde5f3; --mark: #ffe08a; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); background: #fff;
       line-height: 1.45; margin: 0 auto; max-width: 900px; padding: 16px; font-size: 15px; overflow-wrap: break-word; }
header { border-bottom: 3px solid var(--accent); margin-bottom: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 21px; color: var(--accent); border-bottom: 1px solid var(--light); padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 16px; margin: 18px 0 6px; }
h4 { font-size: 14px; margin: 10px 0 4px; }
p, li { margin: 4px 0; }
ul { padding-left: 1.4em; }
figure { margin: 6px 0; }
.subtitle, .note, footer { color: var(--muted); }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--accent); margin: 0; }
.goals { font-size: 17px; }
.goals strong, td.diff, .withheld { background: var(--mark); }
.status { display: inline-block; font-size: 12px; border: 1px solid var(--ink); border-radius: 3px; padding: 0 5px; margin-left: 6px; }
.practice { border-left: 4px solid var(--light); padding-left: 10px; }
.rec { border: 1px solid var(--light); border-radius: 4px; padding: 8px 14px; margin: 12px 0; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid #bbb; padding: 4px 8px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
table.teams { width: 100%; table-layout: fixed; }
table.teams thead th:first-child { width: 30%; }
th { background: var(--light); }
td.mark { text-align: center; }
tr.out td { color: var(--muted); }
blockquote { margin: 8px 0; padding: 6px 12px; border-left: 4px solid var(--accent); font-style: italic; background: #f5f7fb; }
.bars { margin: 6px 0; }
.bar-row { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr) 2.5em; gap: 2px 8px; align-items: center; margin: 3px 0; }
.bar-track { display: block; height: 18px; background: #f0f2f7; }
.bar-fill { display: block; height: 100%; background: #8ea7d4; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.bar-row.strong .bar-fill { background: var(--accent); }
.bar-row.strong .bar-label { font-weight: bold; }
.bar-value { text-align: right; }
.withheld { padding: 6px 10px; }
footer { border-top: 1px solid var(--light); margin-top: 32px; padding-top: 8px; font-size: 13px; }
@media (min-width: 640px) { body { padding: 32px 40px; } h1 { font-size: 28px; } }
/* on a phone: a bar's label above its bar, and each table row as a card of labelled cells */
@media (max-width: 639px) {
  .bar-row { grid-template-columns: minmax(0, 1fr) 2.5em; }
  .bar-label { grid-column: 1 / -1; }
  table.stack, table.stack tbody, table.stack tr, table.stack td, table.stack th { display: block; width: 100%; }
  table.stack thead { display: none; }
  table.stack tr { border: 1px solid #bbb; margin: 8px 0; }
  table.stack td, table.stack th { border: none; border-bottom: 1px solid var(--light); text-align: left; }
  table.stack td[data-label]::before { content: attr(data-label) ": "; font-weight: bold; }
}
@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { margin-top: 18pt; break-after: avoid; }
  h3, h4 { break-after: avoid; }
  .rec, figure, blockquote, tr, .bars, .finding { break-inside: avoid; }
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
    rows = handout.goal_rows(summary)
    bars = [handout.Bar(label, item.points, picked) for _, label, item, picked, _ in rows]
    out.append(f"<figure>{bar_chart(bars, t(lang, 'workshop.ranking'))}</figure>")
    headers = [t(lang, key) for key in ("workshop.goal", "workshop.points", "workshop.first_places", "workshop.listed_by", "workshop.why")]
    out += [
        '<table class="stack">',
        "<thead><tr><th>#</th>" + "".join(f"<th>{escape(header)}</th>" for header in headers) + "</tr></thead>",
        "<tbody>",
    ]
    for place, label, item, picked, why in rows:
        cells = [place, label, str(item.points), str(item.places[0]), str(item.listed), why]
        named = [t(lang, "workshop.place")] + headers
        out.append(
            f'<tr class="{"in" if picked else "out"}">'
            + "".join(f'<td data-label="{escape(name)}">{escape(cell)}</td>' for name, cell in zip(named, cells))
            + "</tr>"
        )
    share = f"{SHARE.numerator}/{SHARE.denominator}"
    out += ["</tbody>", "</table>", f'<p class="note">{escape(t(lang, "workshop.borda_short", share=share, max=MAX_GOALS))}</p>', "</section>"]
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
    group = escape(t(lang, "workshop.group"))
    names = [escape(team.team) for team in summary.teams]
    out += [
        '<table class="stack teams">',
        f"<thead><tr><th></th><th>{group}</th>{header}</tr></thead>",
        "<tbody>",
    ]
    group_first = summary.goal_label(summary.group.goals[0])
    firsts = "".join(
        f'<td{DIFF if team.answers.goals[0] != summary.group.goals[0] else ""} data-label="{name}">'
        f"{escape(summary.goal_label(team.answers.goals[0]))}</td>"
        for team, name in zip(summary.teams, names)
    )
    out.append(
        f"<tr><th>{escape(t(lang, 'workshop.first_goal'))}</th><td data-label=\"{group}\">{escape(group_first)}</td>{firsts}</tr>"
    )
    for rid, in_group, in_teams in handout.comparison(summary):
        cells = "".join(
            f'<td class="mark diff" data-label="{name}">{"●" if present else "–"} ≠</td>'
            if present != in_group
            else f'<td class="mark" data-label="{name}">{"●" if present else "–"}</td>'
            for present, name in zip(in_teams, names)
        )
        out.append(
            f"<tr><th>{escape(summary.titles[rid])}</th><td class=\"mark\" data-label=\"{group}\">{'●' if in_group else '–'}</td>{cells}</tr>"
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


def bar_chart(bars: list[handout.Bar], title: str) -> str:
    """A horizontal bar chart of boxes scaled to the largest value; the group's answer (or its
    goals) darker. Its text stays text: it reflows on a narrow screen instead of shrinking."""
    top = max((bar.value for bar in bars), default=0) or 1
    out = [f'<div class="bars" aria-label="{escape(title)}">']
    for bar in bars:
        width = round(100 * bar.value / top, 1)
        out.append(
            f'<div class="bar-row{" strong" if bar.highlight else ""}"><span class="bar-label">{escape(bar.label)}</span>'
            f'<span class="bar-track"><span class="bar-fill" style="width: {width:g}%"></span></span>'
            f'<span class="bar-value">{bar.value}</span></div>'
        )
    out.append("</div>")
    return "\n".join(out)
