"""The cache of parsed knowledge files: a start reads it instead of the YAML, and never trusts
a damaged, foreign or stale entry."""

from __future__ import annotations

import json

import pytest

from advisor.knowledge import cache
from advisor.knowledge.load import load_knowledge
from advisor.reasoning.pipeline import advise


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("ADVISOR_NO_CACHE", raising=False)
    return tmp_path / "cache" / "advisor"


def entries(folder):
    return sorted(folder.glob("knowledge-*.json"))


def test_the_second_load_reads_the_cache_and_gets_the_same_knowledge(folder, knowledge_copy, monkeypatch):
    paths = (knowledge_copy / "findings.yaml", knowledge_copy / "rules")
    first = load_knowledge(*paths)
    (entry,) = entries(folder)
    parsed = []
    monkeypatch.setattr("advisor.knowledge.load.load_document", lambda path: parsed.append(path))
    second = load_knowledge(*paths)
    assert parsed == []  # nothing parsed again
    assert second.version == first.version and second.rules == first.rules and second.parameters == first.parameters
    assert json.loads(entry.read_text(encoding="utf-8"))["format"] == cache.FORMAT
    # positions survive, for messages that point into the files
    rule = second.rules[0]
    assert second.origin("rules", rule.id).problem(("when",), "x").line == first.origin("rules", rule.id).problem(("when",), "x").line


@pytest.mark.parametrize(
    "damage",
    [
        b"{not json",
        b"",
        json.dumps({"format": "something else", "version": 1}).encode(),
        json.dumps({"format": cache.FORMAT, "version": 1, "key": "another", "documents": []}).encode(),
        b"\xff\xfe\x00garbage",
    ],
    ids=["corrupt", "empty", "foreign", "other-key", "binary"],
)
def test_a_damaged_or_foreign_entry_is_ignored_and_written_anew(folder, knowledge_copy, damage):
    paths = (knowledge_copy / "findings.yaml", knowledge_copy / "rules")
    version = load_knowledge(*paths).version
    (entry,) = entries(folder)
    entry.write_bytes(damage)
    assert load_knowledge(*paths).version == version
    assert json.loads(entry.read_text(encoding="utf-8"))["format"] == cache.FORMAT


def test_an_entry_whose_documents_were_tampered_with_structurally_is_ignored(folder, knowledge_copy):
    paths = (knowledge_copy / "findings.yaml", knowledge_copy / "rules")
    load_knowledge(*paths)
    (entry,) = entries(folder)
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["documents"][0]["positions"] = [[["findings", True], "one", 2]]
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert load_knowledge(*paths).findings  # read from the files again


def test_an_edited_rule_file_is_read_anew(folder, knowledge_copy):
    paths = (knowledge_copy / "findings.yaml", knowledge_copy / "rules")
    answers = {"goals": ["alignment"], "usage": {"active_share": 15}}
    before = advise(answers, knowledge=load_knowledge(*paths))
    parameters = knowledge_copy / "rules" / "catalog" / "parameters.yaml"
    parameters.write_text(parameters.read_text(encoding="utf-8").replace("value: 25", "value: 12", 1), encoding="utf-8")
    after = advise(answers, knowledge=load_knowledge(*paths))
    assert len(entries(folder)) == 2 and before.knowledge_version != after.knowledge_version
    assert [r.id for r in before.recommendations] != [r.id for r in after.recommendations]


def test_the_cache_can_be_turned_off_and_a_folder_that_cannot_be_written_is_no_error(folder, knowledge_copy, monkeypatch, tmp_path):
    paths = (knowledge_copy / "findings.yaml", knowledge_copy / "rules")
    monkeypatch.setenv("ADVISOR_NO_CACHE", "1")
    load_knowledge(*paths)
    assert not folder.exists()
    monkeypatch.delenv("ADVISOR_NO_CACHE")
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where the folder should be
    assert load_knowledge(*paths).rules
