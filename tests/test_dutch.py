"""Dutch as a native reader writes it: one form of address, real plurals, Dutch numbers, no
English keys in a Dutch report, and "toepassing" for a purpose where "doel" means the goal."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from advisor.i18n import t, texts as catalog_texts

from samples import EXAMPLE_FILE, FEW_POSTERS
from test_source_fidelity import texts

pytestmark = pytest.mark.usefixtures("wide_console")


def dutch_texts(knowledge) -> list[str]:
    return [text.nl for text in texts(knowledge)] + catalog_texts("nl")


def test_the_reader_is_u_everywhere(knowledge):
    for text in dutch_texts(knowledge):
        assert not re.search(r"\b(je|jij|jou|jouw|jullie)\b", text, re.IGNORECASE), text


def test_no_bracketed_plurals():
    for lang in ("en", "nl"):
        for text in catalog_texts(lang):
            assert not re.search(r"\w\((s|en)\)|probleem/problemen", text), text


@pytest.mark.parametrize(
    "lang, key, values, one, many",
    [
        ("nl", "workshop.status_waiting", {}, "Nog 1 inzending voordat", "Nog 2 inzendingen voordat"),
        ("en", "workshop.status_waiting", {}, "1 more response before", "2 more responses before"),
        ("nl", "workshop.diverges", {"team": "Blauw"}, "op 1 aanbeveling af", "op 2 aanbevelingen af"),
        ("nl", "check.invalid", {}, "1 probleem.", "2 problemen."),
        ("en", "q.resumed", {}, "1 answer kept", "2 answers kept"),
    ],
)
def test_plurals(lang, key, values, one, many):
    from advisor.i18n import tn

    count = "missing" if key == "workshop.status_waiting" else "count"
    assert one in tn(lang, key, 1, **{count: 1}, **values)
    assert many in tn(lang, key, 2, **{count: 2}, **values)


def test_a_purpose_is_a_toepassing_where_doel_means_the_goal(knowledge):
    for text in (text.nl for text in texts(knowledge)):
        assert len(re.findall(r"\bdoel\b", text)) <= 1, text
        assert "Stuur op het platform gebruiken" not in text, text


def test_dutch_advice_has_no_english_keys(cli):
    out = cli("advise", "--answers", EXAMPLE_FILE, "--lang", "nl").out
    for english in ("active_breadth", "alignment ×", "engagement ×", "[tekort]", "kennis 20", "je kerngroep"):
        assert english not in out, english
    markdown = cli("advise", "--answers", EXAMPLE_FILE, "--lang", "nl", "--format", "markdown", "--details").out
    assert "Alignment met de strategie × aandeel medewerkers dat post of reageert: positieve samenhang" in markdown


def test_dutch_explain_has_no_english_descriptions_or_goal_keys(cli, knowledge):
    out = cli("explain", "--answers", EXAMPLE_FILE, "--lang", "nl").out
    assert "nodig voor engagement" not in out and "nodig voor Betrokkenheid" in out
    assert "Regels die vuurden" not in out
    for rule in knowledge.rules:
        assert rule.description.en not in out, rule.id
    assert knowledge.rules_by_id["alignment-broaden-active-use"].description.nl in out


def test_dutch_numbers(cli, knowledge, write_yaml):
    from advisor.render.chart import usage_chart
    from advisor.answers.read import parse_answers

    answers = parse_answers({"goals": ["alignment"], "usage": {"active_share": 12.5}})
    console = Console(file=io.StringIO(), width=120, color_system=None)
    console.print(usage_chart(answers, knowledge, "nl"))
    assert "12,5%" in console.file.getvalue() and "12.5%" not in console.file.getvalue()
    path = write_yaml({"goals": ["alignment"], "usage": {"active_share": 12.5}})
    explained = cli("explain", "--answers", str(path), "--lang", "nl").out
    assert "usage.active_share = 12,5" in explained and "antwoord: 12,5" in explained
    checked = cli("check", "--lang", "nl").out
    assert re.search(r"Combinaties: \d+\.\d{3} antwoordensets", checked), checked


def test_dutch_status_words_and_the_knowledge_line(cli):
    out = cli("advise", "--answers", FEW_POSTERS, "--lang", "nl").out
    assert "· schiet tekort" in out and "kennisbank " not in out
    assert t("nl", "heuristics") in " ".join(out.split())
    assert "kennisbank " in cli("advise", "--answers", FEW_POSTERS, "--lang", "nl", "--details").out


def test_an_error_says_its_hint_in_dutch_too(cli, tmp_path):
    # the message and the hint were Dutch, the label before the hint was not ("hint:")
    answers = tmp_path / "answers.yaml"
    answers.write_text("goals: [alignmnet]\n", encoding="utf-8")
    dutch = cli("advise", str(answers), "--lang", "nl")
    assert dutch.code == 2
    assert "\n  tip: bedoelt u 'alignment'?" in dutch.err and "hint:" not in dutch.err
    english = cli("advise", str(answers), "--lang", "en")
    assert "\n  hint: did you mean 'alignment'?" in english.err
