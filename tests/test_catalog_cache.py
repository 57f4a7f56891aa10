"""The cache of parsed message catalogs: a start reads what Babel made of a catalog's bytes
before, and never trusts a damaged, foreign or stale entry."""

from __future__ import annotations

import json

import pytest

from advisor import i18n
from advisor.i18n import LOCALE_DIR, cache, read_catalog


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("ADVISOR_NO_CACHE", raising=False)
    return tmp_path / "cache" / "advisor"


def entries(folder, lang="nl"):
    return sorted(folder.glob(f"catalog-{lang}-*.json"))


def refuse_parsing(monkeypatch):
    def parse(content, lang):
        raise AssertionError("the catalog was parsed again")

    monkeypatch.setattr(i18n, "parse_catalog", parse)


def test_the_second_read_takes_the_kept_catalog_with_its_plural_rule(folder, monkeypatch):
    first = read_catalog(LOCALE_DIR / "nl.po", "nl")
    (entry,) = entries(folder)
    assert json.loads(entry.read_text(encoding="utf-8"))["format"] == cache.FORMAT
    refuse_parsing(monkeypatch)
    second = read_catalog(LOCALE_DIR / "nl.po", "nl")
    assert second.messages == first.messages and len(second.messages) > 500
    assert [second.plural(n) for n in (0, 1, 2)] == [first.plural(n) for n in (0, 1, 2)] == [1, 0, 1]


@pytest.mark.parametrize(
    "damage",
    [
        b"{not json",
        b"",
        json.dumps({"format": "something else", "version": 1}).encode(),
        json.dumps({"format": cache.FORMAT, "version": 1, "key": "another", "plural": "0", "messages": {}}).encode(),
        b"\xff\xfe\x00garbage",
    ],
    ids=["corrupt", "empty", "foreign", "other-key", "binary"],
)
def test_a_damaged_entry_is_read_past_and_written_anew(folder, damage):
    expected = read_catalog(LOCALE_DIR / "nl.po", "nl").messages
    (entry,) = entries(folder)
    entry.write_bytes(damage)
    assert read_catalog(LOCALE_DIR / "nl.po", "nl").messages == expected
    assert json.loads(entry.read_text(encoding="utf-8"))["messages"] == {
        key: list(text) if isinstance(text, tuple) else text for key, text in expected.items()
    }


def test_an_edited_catalog_is_parsed_again(folder, tmp_path):
    edited = tmp_path / "nl.po"
    edited.write_bytes((LOCALE_DIR / "nl.po").read_bytes())
    assert read_catalog(edited, "nl").messages["report.based_on"] == "Waarop dit advies is gebaseerd"
    text = edited.read_text(encoding="utf-8").replace('"Waarop dit advies is gebaseerd"', '"Waarop het rust"')
    edited.write_text(text, encoding="utf-8")
    assert read_catalog(edited, "nl").messages["report.based_on"] == "Waarop het rust"
    assert len(entries(folder)) == 2


def test_no_cache_when_turned_off_or_unwritable(folder, monkeypatch, tmp_path):
    monkeypatch.setenv("ADVISOR_NO_CACHE", "1")
    assert read_catalog(LOCALE_DIR / "en.po", "en").messages
    assert not folder.exists()
    monkeypatch.delenv("ADVISOR_NO_CACHE")
    folder.parent.mkdir(parents=True)
    folder.write_text("a file where the folder should be", encoding="utf-8")
    assert read_catalog(LOCALE_DIR / "en.po", "en").messages  # no error: parsed each time
