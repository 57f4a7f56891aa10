"""The reports' "What this advice is based on" section tells the usage measured from a platform's
export (which platform, period and people) apart from the answers the person gave, in text,
Markdown and HTML, in both languages; advice on estimated usage lists the answers as before."""

from __future__ import annotations

import html
from html.parser import HTMLParser

import pytest
from measure_exports import viva_engage

# 4 people counted of the 8 employees given: active 25% (monthly), readers 37.5% (weekly)
PEOPLE = [
    ("Anna", "Activated", 4, 12, 0),
    ("Bram", "Activated", 1, 3, 0),
    ("Cor", "Activated", 0, 30, 2),
    ("Dirk", "Activated", 0, 0, 0),
]
ANSWERS = {"goals": ["alignment", "engagement"], "usage": {"active_share": 8, "passive_frequency": "weekly"}, "purposes": {"ideas": "never"}}
HEADING = {"en": "What this advice is based on", "nl": "Waarop dit advies is gebaseerd"}


class _Section(HTMLParser):
    """The paragraphs and list items of <section id="based-on">, as text."""

    def __init__(self) -> None:
        super().__init__()
        self.inside, self.lines, self.current = False, [], None

    def handle_starttag(self, tag, attrs):
        if tag == "section" and ("id", "based-on") in attrs:
            self.inside = True
        elif self.inside and tag in ("p", "li"):
            self.current = "- " if tag == "li" else ""

    def handle_endtag(self, tag):
        if tag == "section":
            self.inside = False
        elif self.inside and tag in ("p", "li") and self.current is not None:
            self.lines.append(" ".join(self.current.split()))
            self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.current += data


def basis_lines(fmt: str, out: str, lang: str = "en") -> list[str]:
    """The lines of the basis section as a reader sees them, without the closing source line."""
    if fmt == "html":
        parser = _Section()
        parser.feed(out)
        lines = parser.lines
    else:
        section = out.split(("## " if fmt == "markdown" else "") + HEADING[lang], 1)[1]
        lines = [" ".join(line.split()) for line in section.splitlines() if line.strip()]  # wide_console: no wrapping
    return [line for line in lines if not line.startswith(("Source:", "Bron:"))]


@pytest.fixture
def export(tmp_path):
    return str(viva_engage(tmp_path / "engage.csv", PEOPLE))


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_the_basis_tells_measured_usage_from_the_answers_given(cli, write_yaml, export, fmt, wide_console):
    result = cli("advise", "--answers", str(write_yaml(ANSWERS)), "--usage-from", export, "--employees", "8", "--format", fmt)
    assert result.code == 0, result.err
    lines = basis_lines(fmt, html.unescape(result.out))
    assert lines[0].startswith("The answers given for this report of ")
    assert lines[1:] == [
        "- Your goals: 1. Alignment with the strategy, 2. Engagement",
        "- Use for sharing and developing ideas: Never or hardly ever",
        "Measured, not given: from a Viva Engage export covering the 30 days up to 2024-05-31; the shares are of "
        "8 employees, the head count given (the export counts 4):",
        "- Share of employees posting or reacting: 25%",
        "- How often active employees post or react: Monthly",
        "- Share of employees reading: 37.5%",
        "- How often employees read: Weekly",
    ]


def test_the_basis_says_it_in_dutch(cli, write_yaml, export):
    # no --employees: the shares are of the people in the export
    result = cli("advise", "--answers", str(write_yaml(ANSWERS)), "--usage-from", export, "--format", "markdown", "--lang", "nl")
    assert result.code == 0, result.err
    lines = basis_lines("markdown", result.out, "nl")
    assert lines[0].startswith("De antwoorden die voor dit rapport van ")
    assert lines[3] == (
        "Gemeten, niet opgegeven: uit een export van Viva Engage over de 30 dagen tot en met 2024-05-31; "
        "de aandelen zijn van de 4 personen in de export:"
    )
    assert lines[4] == "- Aandeel medewerkers dat post of reageert: 50%"


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_estimated_usage_lists_every_answer_as_given(cli, write_yaml, fmt, wide_console):
    result = cli("advise", "--answers", str(write_yaml(ANSWERS)), "--format", fmt)
    assert result.code == 0, result.err
    lines = basis_lines(fmt, html.unescape(result.out))
    assert lines[1:] == [
        "- Your goals: 1. Alignment with the strategy, 2. Engagement",
        "- Share of employees posting or reacting: 8%",
        "- How often employees read: Weekly",
        "- Use for sharing and developing ideas: Never or hardly ever",
    ]
