"""Checks an HTML handout with the standard library's parser: balanced tags, ids, no URLs."""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
URL_ATTRIBUTES = {"src", "href", "xlink:href", "action", "formaction", "poster", "data", "srcset", "background"}


class HandoutParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []
        self.tags: list[str] = []
        self.url_attributes: list[tuple[str, str]] = []
        self.doctype = None
        self.text: list[str] = []
        self.html_lang = None

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        values = dict(attrs)
        if tag == "html":
            self.html_lang = values.get("lang")
        if "id" in values:
            self.ids.append(values["id"])
        self.url_attributes += [(name, value or "") for name, value in attrs if name in URL_ATTRIBUTES]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)
        self.url_attributes += [(name, value or "") for name, value in attrs if name in URL_ATTRIBUTES]

    def handle_endtag(self, tag):
        if tag in VOID:
            self.errors.append(f"end tag for void element <{tag}>")
        elif not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse_handout(html: str) -> HandoutParser:
    parser = HandoutParser()
    parser.feed(html)
    parser.close()
    if parser.stack:
        parser.errors.append(f"unclosed: {parser.stack}")
    return parser
