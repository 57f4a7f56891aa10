"""User text in Markdown, escaped as html.escape escapes it in HTML: an organisation, workshop or
team name, a file name or an unknown field's name is shown as written and never becomes HTML,
a link, an image, emphasis, a heading or a table cell of its own. Every Markdown writer (the
advice, batch's summary.md, the workshop handout) puts user text through ``markdown_text``."""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")  # newlines too: user text stays on its line
# CommonMark's inline punctuation; a backslash makes each a literal character
_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#!|~])")


def markdown_text(text: str) -> str:
    text = _CONTROL.sub(" ", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")  # no HTML, no autolinks
    return _PUNCTUATION.sub(r"\\\1", text)
