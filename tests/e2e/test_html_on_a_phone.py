"""The HTML report and the workshop handout in a real browser (Debian's Chromium, driven by
Playwright), on a phone and on a laptop: nothing is wider than the screen, and the text keeps a
readable size (the handout's charts used to shrink to an unreadable drawing, its tables to run off
the side).

Playwright cannot download browsers here; it drives the system's Chromium, and these tests skip
where that is not installed. Screenshots go to $ADVISOR_SCREENSHOTS when it is set (a folder
outside the repository), else to the test's temporary folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from chromium import needs_chromium  # the browser and screenshots fixtures: tests/chromium.py

from advisor.schema import Answers
from advisor.vocabulary import GOALS

pytestmark = needs_chromium
WIDTHS = [360, 390, 1280]

# what runs off a screen: the page scrolls sideways, or an element reaches past its right edge
OVERFLOW = """() => {
  const root = document.documentElement, width = root.clientWidth;
  const wide = [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > width + 0.5)
    .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ': ' + (e.textContent || '').slice(0, 40));
  return {scroll: root.scrollWidth, client: width, wide: wide.slice(0, 5)};
}"""
SMALLEST_TEXT = """() => Math.min(...[...document.querySelectorAll('body *')]
  .filter(e => e.childNodes.length && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
  .map(e => parseFloat(getComputedStyle(e).fontSize)))"""


def look(browser, path: Path, width: int, shot: Path) -> dict:
    page = browser.new_page()
    page.set_viewport_size({"width": width, "height": 800})
    try:
        page.goto(path.as_uri())
        page.screenshot(path=str(shot), full_page=True)
        measured = page.evaluate(OVERFLOW)
        measured["smallest"] = page.evaluate(SMALLEST_TEXT)
        return measured
    finally:
        page.close()


def assert_fits(measured: dict) -> None:
    assert measured["scroll"] <= measured["client"], measured
    assert measured["wide"] == [], measured
    assert measured["smallest"] >= 12, measured  # text is never scaled down to fit


@pytest.fixture(scope="module")
def report_pages(tmp_path_factory):
    """Reports in both languages, one of them for all six goals (the widest usage chart)."""
    from advisor.cli.commands.advise import advice_text
    from advisor.reasoning.pipeline import advisor_for

    folder = tmp_path_factory.mktemp("reports")
    advisor = advisor_for()
    pages = {}
    cases = {
        "en": {"goals": ["alignment", "engagement"], "usage": {"active_share": 8, "active_frequency": "weekly", "passive_share": 45},
               "purposes": {"strategy_dialogue": "never"}, "organisation": {"name": "Gemeente Voorbeeldstad-aan-de-Rijn"}},
        "nl": {"goals": list(GOALS), "usage": {"active_share": 12.5, "active_frequency": "monthly", "passive_share": 30,
               "passive_frequency": "weekly"}, "purposes": {"ideas": "never", "expertise": "sometimes", "processes": "often",
               "strategy_dialogue": "never", "read_only": "often"}},
    }
    for lang, data in cases.items():
        answers = Answers.model_validate(data)
        advice = advisor.advise(answers, lang)
        for details in (False, True):
            name = f"report-{lang}{'-details' if details else ''}.html"
            organisation = answers.organisation.name if answers.organisation else None
            text = advice_text(advice, "html", organisation=organisation, answers=answers, knowledge=advisor.knowledge, details=details)
            (folder / name).write_text(text, encoding="utf-8")
            pages[name] = folder / name
    return pages


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", ["report-en.html", "report-nl.html", "report-nl-details.html"])
def test_the_html_report_fits_the_screen(browser, report_pages, screenshots, width, name):
    assert_fits(look(browser, report_pages[name], width, screenshots / f"{name[:-5]}-{width}.png"))


@pytest.fixture(scope="module")
def handout_pages(tmp_path_factory):
    """Handouts with six named teams, one with a long name without spaces, and the answers of a
    tie, in both languages."""
    from advisor.reasoning.pipeline import advisor_for
    from advisor.workshop import store
    from advisor.workshop.handout_html import render_html
    from advisor.workshop.summary import summarise

    folder = tmp_path_factory.mktemp("handouts")
    teams = {
        "Communicatie en Marketing": {"goals": ["alignment", "engagement"], "usage": {"active_share": 8, "active_frequency": "weekly", "passive_share": 45}},
        "HR": {"goals": ["engagement", "efficiency"], "usage": {"active_share": 30, "active_frequency": "daily", "passive_share": 80},
               "purposes": {"ideas": "often", "read_only": "never"}},
        "IT-servicedesk": {"goals": ["knowledge_sharing"], "usage": {"active_share": 12, "active_frequency": "monthly"},
                           "purposes": {"ideas": "sometimes", "expertise": "often", "processes": "often"}},
        "Facilitair": {"goals": ["efficiency"], "usage": {"active_share": 20}, "purposes": {"ideas": "never", "read_only": "often"}},
        "Directiesecretariaat": {"goals": ["effectiveness"], "usage": {}, "purposes": {"expertise": "never"}},
        "Klantcontactcentrumregiozuidoostbrabant2026": {"goals": ["communication_satisfaction", "alignment"], "usage": {"active_share": 50}},
    }
    pages = {}
    for lang in ("en", "nl"):
        path = store.create(f"Masterclass {lang}", lang=lang, directory=folder)
        store.add_entries(path, [store.Entry(Answers.model_validate(answers), team) for team, answers in teams.items()])
        pages[lang] = folder / f"handout-{lang}.html"
        pages[lang].write_text(render_html(summarise(store.load(path), advisor_for())), encoding="utf-8")
    return pages


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_handout_fits_the_screen(browser, handout_pages, screenshots, width, lang):
    assert_fits(look(browser, handout_pages[lang], width, screenshots / f"handout-{lang}-{width}.png"))
