"""The advice as one self-contained HTML page (inline CSS; no scripts, fonts, images or links
out), with the same sections as the Markdown report: `advise --format html` and batch output.

Built with the standard library's escape, not a template engine: Jinja2 comes only with the web
extra, and this page is written by the terminal-only install too. Every text goes through
escape(). The page reads on a phone: nothing is wider than the screen (the usage chart's bars
are scaled boxes, long words wrap)."""

from __future__ import annotations

import datetime
from html import escape

from ..i18n import t
from ..vocabulary import answer_label, lever_label
from ..schema import Advice
from .chart import MARKS, UsageChart, chart_of
from .markdown import cited, evidence_line, inferred_lines, note_line
from .measured import measured_lines
from .summary import action_line, basis_of, evidence_words, goal_labels, goals_line, inferred_words, status_text, top_actions

CSS = """
* { box-sizing: border-box; }
body { font-family: system-ui, "Segoe UI", Helvetica, Arial, sans-serif; color: #111; line-height: 1.45;
       max-width: 860px; margin: 0 auto; padding: 16px; overflow-wrap: break-word; }
h1 { font-size: 24px; margin-bottom: 4px; } h2 { font-size: 20px; color: #0b3d91; margin-top: 28px; }
h3 { font-size: 16px; margin-bottom: 4px; } .muted, footer { color: #555; font-size: 13px; }
ul, ol { padding-left: 1.4em; }
code { white-space: normal; overflow-wrap: anywhere; }
.summary { border: 2px solid #0b3d91; border-radius: 4px; padding: 4px 14px 8px; background: #f5f7fb; }
.summary h2 { margin-top: 8px; }
.status { font-size: 12px; border: 1px solid #111; border-radius: 3px; padding: 0 5px; white-space: nowrap; }
.rec { border: 1px solid #dde5f3; border-radius: 4px; padding: 6px 14px; margin: 12px 0; }
blockquote { margin: 4px 0 8px; padding: 4px 10px; border-left: 3px solid #0b3d91; font-style: italic; background: #f5f7fb; }
table { border-collapse: collapse; } th, td { border: 1px solid #bbb; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #dde5f3; } td.n { text-align: right; }
table.chart { width: 100%; }
table.chart td.mark, table.chart th.mark { text-align: center; padding: 3px 2px; width: 1.6em; }
.now { display: block; font-weight: bold; }
.bar { position: relative; display: block; height: 10px; margin-top: 2px; background: #e6e6e6; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.bar span { display: block; height: 100%; background: #0b3d91; }
.bar .range { position: absolute; top: 0; background: #7d9bd1; }
@media (min-width: 600px) { body { padding: 24px 32px; } h1 { font-size: 26px; } }
@media print { .rec, blockquote, tr { break-inside: avoid; } }
"""


def page(lang: str, title: str, body: list[str], footer: list[str]) -> str:
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{lang}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title>",
            f"<style>{CSS}</style>",
            "</head>",
            "<body>",
            "<main>",
            *body,
            "</main>",
            "<footer>",
            *(f"<p>{escape(line)}</p>" for line in footer),
            "</footer>",
            "</body>",
            "</html>",
            "",
        ]
    )


def render_advice_html(
    advice: Advice,
    *,
    organisation: str | None = None,
    quotes: bool = True,
    answers=None,
    knowledge=None,
    details: bool = False,
    today: datetime.date | None = None,
) -> str:
    """The report (the same sections and arguments as render_markdown)."""
    lang = advice.lang
    labels = goal_labels(advice)
    basis = basis_of(advice, answers, knowledge, today)
    out = [f"<h1>{escape(t(lang, 'title'))}</h1>"]
    if organisation:
        out.append(f'<p class="muted">{escape(t(lang, "for_org", name=organisation))}</p>')
    out += [
        '<section class="summary" id="summary">',
        f"<h2>{escape(t(lang, 'report.in_short'))}</h2>",
        f"<p><strong>{escape(t(lang, 'report.goals'))}:</strong> {escape(goals_line(advice))}</p>",
    ]
    if advice.recommendations:
        out.append(f"<p><strong>{escape(t(lang, 'report.do_first'))}</strong></p>")
        out.append("<ol>" + "".join(f"<li>{escape(action_line(rec, lang))}</li>" for rec in top_actions(advice)) + "</ol>")
    else:
        out.append(f"<p>{escape(t(lang, 'no_recommendations'))}</p>")
    out += [f'<p class="muted">{escape(basis.line)}</p>', "</section>"]
    out += [f"<h2>{escape(t(lang, 'strategy'))}</h2>", "<ul>"]
    out += [f"<li><strong>{escape(item.label)}</strong>: {escape(item.text)}</li>" for item in advice.strategy]
    out.append("</ul>")
    if answers is not None and knowledge is not None:
        out += chart_html(chart_of(answers, knowledge, lang))
    out.append(f"<h2>{escape(t(lang, 'recommendations'))}</h2>")
    if not advice.recommendations:
        out.append(f"<p>{escape(t(lang, 'no_recommendations'))}</p>")
    for rec in advice.recommendations:
        goals = ", ".join(labels[g] for g in rec.goals)
        out += [
            f'<section class="rec" id="{escape(rec.id)}">',
            f"<h3>{rec.priority}. {escape(rec.title)} "
            f'<span class="status">{escape(status_text(lang, rec.status))}</span></h3>',
            f'<p class="muted">{escape(goals)}</p>',
            f"<p>{escape(rec.summary)}</p>",
            *([f"<p><strong>{escape(t(lang, 'basis.conclusion'))}</strong></p>"] if rec.basis == "conclusion" else []),
            f"<p><strong>{escape(t(lang, 'steer_on'))}:</strong> "
            + escape(", ".join(lever_label(lang, name) for name in rec.levers))
            + "</p>",
            f"<p><strong>{escape(t(lang, 'evidence'))}:</strong></p>",
            "<ul>",
        ]
        for evidence in rec.evidence:
            note = f'<br><span class="muted">{escape(note_line(evidence, lang))}</span>' if evidence.note else ""
            quote = f"<blockquote>{escape(evidence.quote)}</blockquote>" if quotes else ""
            if details:
                line = f"<code>{escape(evidence_line(evidence, lang, labels))}</code>: {escape(evidence.summary)}"
            else:
                line = escape(evidence_words(evidence, lang))
            out.append(f"<li>{line}{note}{quote}</li>")
        out += ["</ul>", f"<p><strong>{escape(t(lang, 'practice'))}:</strong></p>", "<ul>"]
        out += [f"<li>{escape(tactic.text)}</li>" for tactic in rec.practice]
        out.append("</ul>")
        if details:
            out.append(f'<p class="muted">{escape(t(lang, "rules"))}: {escape(", ".join(rec.rules))}</p>')
        out.append("</section>")
    if advice.recommendations:
        out.append(f'<p class="muted">{escape(t(lang, "heuristics"))}</p>')
    measured = measured_lines(advice)
    for heading, notices in (("warnings", advice.warnings), ("caveats", advice.caveats)):
        extra = measured if heading == "caveats" else []
        if notices or extra:
            out += [f"<h2>{escape(t(lang, heading))}</h2>", "<ul>"]
            for notice in notices:
                lines = inferred_lines(notice.evidence, lang) if details else inferred_words(notice.evidence, lang)
                inferred = "".join(f'<br><span class="muted">{escape(line)}</span>' for line in lines)
                ids = f' <span class="muted">({escape(cited(notice.evidence, lang))})</span>' if details else ""
                out.append(f"<li>{escape(notice.text)}{ids}{inferred}</li>")
            if extra:  # measured usage: said beside the correlation caveat
                more = "".join(f'<br><span class="muted">{escape(line)}</span>' for line in extra[1:])
                out.append(f'<li class="measured">{escape(extra[0])}{more}</li>')
            out.append("</ul>")
    if advice.unknowns:
        out += [f"<h2>{escape(t(lang, 'unknowns'))}</h2>", "<ul>"]
        for unknown in advice.unknowns:
            goals = ", ".join(labels[g] for g in unknown.goals)
            out.append(f"<li>{escape(t(lang, 'unknown_line', answer=answer_label(lang, unknown.answer), goals=goals))}</li>")
        out.append("</ul>")
    out += ['<section id="based-on">', f"<h2>{escape(t(lang, 'report.based_on'))}</h2>"]
    if basis.answers:
        out.append(f"<p>{escape(t(lang, 'report.answers_given', date=basis.day))}</p>")
        out.append("<ul>" + "".join(f"<li>{escape(label)}: {escape(value)}</li>" for label, value in basis.answers) + "</ul>")
        if basis.measured:
            out.append(f'<p class="measured">{escape(basis.measured_from)}</p>')
            out.append("<ul>" + "".join(f"<li>{escape(label)}: {escape(value)}</li>" for label, value in basis.measured) + "</ul>")
    else:
        out.append(f"<p>{escape(t(lang, 'report.made_on', date=basis.day))}</p>")
    if basis.source:
        out.append(f"<p>{escape(basis.source)}</p>")
    out.append("</section>")
    footer = [t(lang, "knowledge", version=advice.knowledge_version)] if details else []
    return page(lang, t(lang, "title"), out, footer)


def chart_html(chart: UsageChart) -> list[str]:
    """The usage chart as a table whose bars are boxes scaled to the answer: it narrows with the
    screen instead of shrinking its text."""
    lang = chart.lang
    out = ['<section id="usage">', f"<h2>{escape(chart.title)}</h2>"]
    if not chart.rows:
        return out + [f"<p>{escape(chart.empty)}</p>", "</section>"]
    numbers = "".join(f'<th class="mark" title="{escape(goal)}">{n}</th>' for n, goal in enumerate(chart.goals, 1))
    # where the organisation is now goes under the kind of use, not in a column of its own: with
    # six goals' columns the table still fits a phone
    heading = f"{t(lang, 'chart.usage')} · {t(lang, 'chart.now')}"
    out += ['<table class="chart">', f"<thead><tr><th>{escape(heading)}</th>{numbers}</tr></thead>", "<tbody>"]
    for row in chart.rows:
        marks = "".join(f'<td class="mark">{MARKS[mark]}</td>' for mark in row.marks)
        bar = "" if row.level is None else f'<span class="bar"><span style="width: {round(row.level * 100)}%"></span>'
        if row.level is not None and row.reach is not None:  # a band: from where it starts to where it ends
            start, end = round(row.level * 100), round(row.reach * 100)
            bar += f'<span class="range" style="left: {start}%; width: {end - start}%"></span>'
        bar += "</span>" if bar else ""
        out.append(f'<tr><td>{escape(row.label)}<span class="now">{escape(row.shown)}</span>{bar}</td>{marks}</tr>')
    out += [
        "</tbody>",
        "</table>",
        f'<p class="muted">{escape(chart.numbered)}</p>',
        f'<p class="muted">{escape(chart.legend_with("chart.legend.band_html"))}</p>',
        "</section>",
    ]
    return out
