"""The advice as one self-contained HTML page (inline CSS; no scripts, fonts, images or links
out), with the same sections as the Markdown report: `advise --format html` and batch output."""

from __future__ import annotations

from html import escape

from ..i18n import t
from ..vocabulary import answer_label, lever_label
from ..schema import Advice
from .markdown import cited, evidence_line, goal_labels, inferred_lines, note_line
from .measured import measured_lines

CSS = """
body { font-family: system-ui, "Segoe UI", Helvetica, Arial, sans-serif; color: #111; line-height: 1.45;
       max-width: 860px; margin: 0 auto; padding: 24px 32px; }
h1 { font-size: 26px; margin-bottom: 4px; } h2 { font-size: 20px; color: #0b3d91; margin-top: 28px; }
h3 { font-size: 16px; margin-bottom: 4px; } .muted, footer { color: #555; font-size: 13px; }
.status { font-size: 12px; border: 1px solid #111; border-radius: 3px; padding: 0 5px; }
.rec { border: 1px solid #dde5f3; border-radius: 4px; padding: 6px 14px; margin: 12px 0; }
blockquote { margin: 4px 0 8px; padding: 4px 10px; border-left: 3px solid #0b3d91; font-style: italic; background: #f5f7fb; }
table { border-collapse: collapse; } th, td { border: 1px solid #bbb; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #dde5f3; } td.n { text-align: right; }
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


def render_advice_html(advice: Advice, *, organisation: str | None = None, quotes: bool = True) -> str:
    lang = advice.lang
    labels = goal_labels(advice)
    out = [f"<h1>{escape(t(lang, 'title'))}</h1>"]
    if organisation:
        out.append(f'<p class="muted">{escape(t(lang, "for_org", name=organisation))}</p>')
    out += [f"<h2>{escape(t(lang, 'strategy'))}</h2>", "<ul>"]
    out += [f"<li><strong>{escape(item.label)}</strong>: {escape(item.text)}</li>" for item in advice.strategy]
    out += ["</ul>", f"<h2>{escape(t(lang, 'recommendations'))}</h2>"]
    if not advice.recommendations:
        out.append(f"<p>{escape(t(lang, 'no_recommendations'))}</p>")
    for rec in advice.recommendations:
        goals = ", ".join(labels[g] for g in rec.goals)
        out += [
            f'<section class="rec" id="{escape(rec.id)}">',
            f"<h3>{rec.priority}. {escape(rec.title)} "
            f'<span class="status">{escape(t(lang, "status." + rec.status))}</span></h3>',
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
            line = escape(evidence_line(evidence, lang, labels))
            out.append(f"<li><code>{line}</code>: {escape(evidence.summary)}{note}{quote}</li>")
        out += ["</ul>", f"<p><strong>{escape(t(lang, 'practice'))}:</strong></p>", "<ul>"]
        out += [f"<li>{escape(tactic.text)}</li>" for tactic in rec.practice]
        out += ["</ul>", f'<p class="muted">{escape(t(lang, "rules"))}: {escape(", ".join(rec.rules))}</p>', "</section>"]
    if advice.recommendations:
        out.append(f'<p class="muted">{escape(t(lang, "heuristics"))}</p>')
    measured = measured_lines(advice)
    for heading, notices in (("warnings", advice.warnings), ("caveats", advice.caveats)):
        extra = measured if heading == "caveats" else []
        if notices or extra:
            out += [f"<h2>{escape(t(lang, heading))}</h2>", "<ul>"]
            for notice in notices:
                ids = cited(notice.evidence, lang)
                inferred = "".join(f'<br><span class="muted">{escape(line)}</span>' for line in inferred_lines(notice.evidence, lang))
                out.append(f'<li>{escape(notice.text)} <span class="muted">({escape(ids)})</span>{inferred}</li>')
            if extra:  # measured usage: said beside the correlation caveat
                details = "".join(f'<br><span class="muted">{escape(line)}</span>' for line in extra[1:])
                out.append(f'<li class="measured">{escape(extra[0])}{details}</li>')
            out.append("</ul>")
    if advice.unknowns:
        out += [f"<h2>{escape(t(lang, 'unknowns'))}</h2>", "<ul>"]
        for unknown in advice.unknowns:
            goals = ", ".join(labels[g] for g in unknown.goals)
            out.append(f"<li>{escape(t(lang, 'unknown_line', answer=answer_label(lang, unknown.answer), goals=goals))}</li>")
        out.append("</ul>")
    return page(lang, t(lang, "title"), out, [t(lang, "knowledge", version=advice.knowledge_version)])
