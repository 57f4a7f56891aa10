"""The index page of a batch run, in the advice pages' style (advisor/render/html.py)."""

from __future__ import annotations

from html import escape

from ..i18n import t
from ..render.html import page
from ..schema import BatchSummary
from .words import w


def render_index_html(summary: BatchSummary, titles: dict[str, str], files: list[tuple[str, str]]) -> str:
    """The index of a batch run: counts, first recommendations, invalid rows, links to each file."""
    lang = summary.lang
    out = [f"<h1>{escape(w(lang, 'summary'))}</h1>", f'<p class="muted">{escape(w(lang, "input"))}: {escape(summary.input)}</p>']
    out += ["<table>"] + [
        f'<tr><th>{escape(w(lang, key))}</th><td class="n">{getattr(summary, key)}</td></tr>'
        for key in ("rows", "advised", "invalid", "without_recommendation")
    ] + ["</table>"]
    out += [f"<h2>{escape(w(lang, 'primary'))}</h2>", "<table>"]
    out.append(f"<tr><th>{escape(w(lang, 'recommendation'))}</th><th>{escape(w(lang, 'count'))}</th></tr>")
    for rec_id, count in summary.primary_recommendations.items():
        out.append(f'<tr><td>{escape(titles.get(rec_id, rec_id))} <code>{escape(rec_id)}</code></td><td class="n">{count}</td></tr>')
    out.append("</table>")
    if summary.invalid_rows:
        out += [f"<h2>{escape(w(lang, 'invalid_rows'))}</h2>", "<table>"]
        out.append("<tr>" + "".join(f"<th>{escape(w(lang, k))}</th>" for k in ("row", "id", "field", "problem")) + "</tr>")
        for problem in summary.invalid_rows:
            cells = (str(problem.row), problem.id or "", problem.field or "", problem.message)
            out.append("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in cells) + "</tr>")
        out.append("</table>")
    if files:
        out += [f"<h2>{escape(w(lang, 'advice_files'))}</h2>", "<ul>"]
        out += [f'<li><a href="{escape(name)}">{escape(row_id)}</a></li>' for row_id, name in files]
        out.append("</ul>")
    return page(lang, w(lang, "summary"), out, [t(lang, "knowledge", version=summary.knowledge_version), w(lang, "engine", engine=summary.engine)])
