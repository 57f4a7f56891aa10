"""QR codes of the join address (segno: pure Python), for the terminal and for the projector."""

from __future__ import annotations

import io


def _code(text: str):
    import segno

    return segno.make(text, error="m")  # 15% of the code may be unreadable: a projector's glare


def terminal_qr(text: str) -> str:
    """Half-block characters, two modules a line (as `qrencode -t UTF8` draws them)."""
    out = io.StringIO()
    _code(text).terminal(out=out, compact=True, border=2)
    return out.getvalue()


def svg_qr(text: str, title: str) -> str:
    """Inline SVG, black on white with the quiet zone, scaling with the page (viewBox)."""
    code = _code(text)
    return code.svg_inline(scale=1, border=4, dark="#000", light="#fff", title=title, omitsize=True, svgclass="qr")
