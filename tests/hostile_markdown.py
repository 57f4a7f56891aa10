"""What a Markdown output may become when someone opens it: rendered as CommonMark (with
tables), user text must give no raw HTML, no link or image of its own."""

from __future__ import annotations

from html.parser import HTMLParser

from markdown_it import MarkdownIt

# an organisation, workshop or team name, a file name or a field name, as an attacker writes it
HOSTILE_TEXT = '<script>alert(1)</script> [x](javascript:alert(1)) ![i](http://evil.example/x.png) <img src=x onerror=alert(1)> **bold** | cell'


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def assert_inert_markdown(markdown: str) -> str:
    """Rendered, the Markdown has no script or image, no event handler and no link out; returns
    the HTML it renders to."""
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    parser = _Tags()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag not in ("script", "img", "iframe", "object"), html
        assert not [name for name in attrs if name.startswith("on")], html
        href = attrs.get("href") or ""
        assert ":" not in href, f"a link out: {href!r}"
    assert "evil.example" not in " ".join(str(attrs) for _, attrs in parser.tags)
    return html
