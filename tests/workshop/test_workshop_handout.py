"""The handout: one self-contained HTML file (checked by parsing it) and Markdown."""

from __future__ import annotations

import re

from advisor.reasoning.pipeline import advisor_for
from advisor.workshop import store
from advisor.workshop.handout import SECTIONS
from advisor.workshop.handout_html import render_html
from advisor.workshop.handout_markdown import render_markdown
from advisor.workshop.summary import summarise

from handout_check import parse_handout
from workshop_teams import BLUE, GREEN, RED


def html_for(path, lang=None) -> str:
    return render_html(summarise(store.load(path), advisor_for(), lang))


def test_html_is_well_formed_and_has_every_section(make_workshop):
    html = html_for(make_workshop())
    parsed = parse_handout(html)
    assert parsed.errors == []
    assert parsed.doctype.lower() == "doctype html" and parsed.html_lang == "en"
    assert [i for i in parsed.ids if i in SECTIONS] == list(SECTIONS)
    assert html.count("<section") == len(SECTIONS)


def test_html_has_no_external_url_or_asset(make_workshop):
    html = html_for(make_workshop())
    parsed = parse_handout(html)
    assert parsed.url_attributes == []
    assert not {"script", "link", "img", "iframe", "object", "embed", "base"} & set(parsed.tags)
    for needle in ("http:", "https:", "//", "url(", "@import"):
        assert needle not in html, needle


def test_html_content_strategy_comparison_evidence_caveats(make_workshop):
    html = html_for(make_workshop())
    text = re.sub(r"\s+", " ", "".join(parse_handout(html).text))
    assert "The group's goals: Engagement, Alignment with the strategy" in text
    assert "Steer on reach and rhythm" in text  # the strategy for engagement
    assert "Have those who post and react do so more often" in text  # the group's first recommendation
    assert "not a result of the study" in text  # practice is labelled as practice
    for team in ("Blue", "Red", "Green"):
        assert f"<th>{team}</th>" in html
    assert 'class="mark diff" data-label="Red">● ≠</td>' in html  # a recommendation a team gets and the group does not
    assert '<blockquote lang="nl">„Hier geldt dat hoe vaker een kleine groep' in html
    assert "Correlation, not causation" in text
    assert "Borda count" in text and "median" in text and "minimum group size 3" in text.lower()
    assert "out: 6 points, less than 2/3 of the top score of 11" in text  # why a goal is not the group's


def test_html_charts_are_bars_of_css_boxes(make_workshop):
    path = make_workshop()
    summary = summarise(store.load(path), advisor_for())
    html = render_html(summary)
    shown = [item for item in summary.distributions if not item.withheld]
    assert html.count('<div class="bars"') == 1 + len(shown)  # the ranking, and each question with enough answers
    assert "<svg" not in html  # a drawing would shrink its text on a phone
    # the ranking's bars are scaled to the highest score: 11 points is the full width, 5 is 45.5%
    assert 'style="width: 100%"' in html and 'style="width: 45.5%"' in html


def test_html_prints_on_a4(make_workshop):
    html = html_for(make_workshop())
    assert "@page { size: A4;" in html and "@media print" in html


def test_html_in_dutch(make_workshop):
    html = html_for(make_workshop(lang="nl"))
    parsed = parse_handout(html)
    assert parsed.errors == [] and parsed.html_lang == "nl"
    text = "".join(parsed.text)
    for heading in ("De doelen van de groep", "Strategie", "Aanbevelingen", "Vergelijking per team", "Onderbouwing", "Kanttekeningen"):
        assert f"<h2>{heading}</h2>" in html, heading
    assert "Hand-out van de workshop" in text and "Stuur op bereik en ritme" in text


def test_html_escapes_what_teams_type(make_workshop):
    html = html_for(make_workshop({'<b>"Ops" & co</b>': BLUE, "Red": RED, "Green": GREEN}))
    parsed = parse_handout(html)
    assert parsed.errors == [] and "b" not in parsed.tags
    assert "&lt;b&gt;&quot;Ops&quot; &amp; co&lt;/b&gt;" in html


def test_html_withholds_the_group_below_the_minimum(make_workshop):
    html = html_for(make_workshop(min_group_size=4))
    parsed = parse_handout(html)
    assert parsed.errors == []
    assert "Fewer than 4 responses (3 so far)" in html
    assert "teams" not in parsed.ids and "Blue" not in html and 'class="bars"' not in html
    assert "caveats" in parsed.ids  # the method is still explained


def test_anonymous_responses_stay_out_of_the_comparison(make_workshop):
    html = html_for(make_workshop([BLUE, RED, GREEN]))
    assert "No named teams" in html and "<th>Group</th>" not in html


def test_markdown_has_the_same_sections(make_workshop):
    text = render_markdown(summarise(store.load(make_workshop()), advisor_for()))
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings == [
        "The group's goals", "Strategy", "Recommendations", "The group's answers",
        "Per-team comparison", "Evidence", "Caveats",
    ]
    assert "| 1 | **Engagement** | 11 | 1 | 2 | in: the highest score |" in text
    assert "| 4 | Efficiency | 5 | 0 | 1 | out: 5 points, less than 2/3 of the top score of 11 |" in text
    assert re.search(r"^\| Keep your broad readership \| – \| – \| ● ≠ \| – \|$", text, re.M)
    assert "> „Hier geldt dat hoe vaker een kleine groep" in text
    assert "http" not in text


def test_handouts_mark_inferred_relations_conclusions_and_heuristics(make_workshop):
    answers = {
        "goals": ["alignment", "efficiency"],
        "usage": {"active_share": 8, "active_frequency": "monthly"},
        "purposes": {"ideas": "never", "strategy_dialogue": "never", "read_only": "often"},
    }
    summary = summarise(store.load(make_workshop([answers] * 3)), advisor_for())
    markdown = render_markdown(summary)
    html = re.sub(r"\s+", " ", "".join(parse_handout(render_html(summary)).text)).replace("&#x27;", "'")
    for text in (markdown, html):
        assert "Efficiency × referring people to read only: not shown, inferred" in text
        assert "Note: Read from 'draagt niet bij' (does not contribute)" in text
        assert "Rests on an authors' conclusion, not on a measured relation." in text
        assert "Suggested by an authors' conclusion, not measured: dialogue about the strategy" in text
        assert text.count("practitioner heuristics, not results of the study") == 1
