"""Inline SVG bar charts for the HTML handout: no scripts, no external fonts, no namespaces
to fetch (inline SVG in HTML needs no xmlns), so the handout stays one self-contained file."""

from __future__ import annotations

from html import escape

from .handout import Bar

LABEL_WIDTH = 250
BAR_WIDTH = 330
VALUE_WIDTH = 50
ROW = 28


def bar_chart(bars: list[Bar], title: str) -> str:
    """A horizontal bar chart; the highlighted bar (the group's answer) is drawn darker."""
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    height = ROW * len(bars) + 4
    top = max((bar.value for bar in bars), default=0) or 1
    out = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for index, bar in enumerate(bars):
        y = index * ROW + 2
        length = round(BAR_WIDTH * bar.value / top)
        kind = "bar strong" if bar.highlight else "bar"
        out.append(
            f'<text class="label" x="{LABEL_WIDTH - 8}" y="{y + ROW / 2 + 4:g}" text-anchor="end">{escape(bar.label)}</text>'
        )
        out.append(f'<rect class="{kind}" x="{LABEL_WIDTH}" y="{y + 3}" width="{max(length, 1)}" height="{ROW - 8}"></rect>')
        out.append(f'<text class="value" x="{LABEL_WIDTH + max(length, 1) + 6}" y="{y + ROW / 2 + 4:g}">{bar.value}</text>')
    out.append("</svg>")
    return "\n".join(out)
