"""The one loader: safe YAML, positions, and refusing what answers and knowledge files never need."""

from __future__ import annotations

import pytest

from advisor.answers.read import load_answers
from advisor.answers.write import answers_to_yaml
from advisor.errors import AdvisorError
from advisor.files.read import MAX_BYTES, read_document


def error_of(text: str) -> str:
    with pytest.raises(AdvisorError) as caught:
        read_document(text, "f.yaml")
    return caught.value.render()


def test_positions_point_at_keys_and_items():
    document = read_document("goals:\n  - alignment\nusage:\n  active_share: 8\n", "f.yaml")
    assert document.position(("usage", "active_share")) == (4, 3)
    assert document.position(("goals", 0)) == (2, 5)
    assert document.position(("usage", "active_share", "deeper")) == (4, 3)


def test_python_tags_are_refused():
    assert "tags such as !!python/object are not allowed" in error_of("a: !!python/object/apply:os.system [echo]\n")


def test_duplicate_keys_are_refused_with_both_lines():
    message = error_of("a: 1\nb: 2\na: 3\n")
    assert "f.yaml:3:1" in message and "duplicate key 'a' (first at line 1)" in message


def test_aliases_are_refused_so_alias_bombs_cannot_expand():
    bomb = 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\n'
    assert "anchors and aliases are not supported" in error_of(bomb)


def test_deep_nesting_is_refused():
    assert "nesting deeper than" in error_of("a: " + "[" * 100 + "]" * 100 + "\n")


def test_documents_over_one_megabyte_are_refused(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text("goals: [alignment]\nusage: {}\n# " + "x" * MAX_BYTES + "\n")
    with pytest.raises(AdvisorError) as caught:
        load_answers(big)
    assert "larger than 1,000,000 bytes" in caught.value.render()


def test_non_utf8_is_refused(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("goals: [alignment]\nusage: {}\norganisation: {name: Caf\xe9}\n".encode("latin-1"))
    with pytest.raises(AdvisorError) as caught:
        load_answers(path)
    assert "not UTF-8" in caught.value.render()


def test_json_is_read_with_positions(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text('{\n  "goals": ["alignment"],\n  "usage": {"active_share": 200}\n}\n')
    with pytest.raises(AdvisorError) as caught:
        load_answers(path)
    assert "answers.json:3:13: usage.active_share" in caught.value.render()


def test_yaml_booleans_where_text_belongs_get_a_quoting_hint(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("goals: [alignment]\nusage: {}\npurposes: {ideas: off}\n")
    with pytest.raises(AdvisorError) as caught:
        load_answers(path)
    assert "put the text in quotes" in caught.value.render()


def test_saved_answers_round_trip(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("goals: [efficiency]\nusage: {active_share: 12.5}\norganisation: {name: 'Off BV'}\n")
    answers = load_answers(path)
    again = tmp_path / "again.yaml"
    again.write_text(answers_to_yaml(answers))
    assert load_answers(again) == answers
    assert "active_frequency: unknown" in again.read_text()


def test_a_scalar_alias_is_refused_too():
    assert "anchors and aliases are not supported" in error_of("a: &x text\nb: *x\n")


def test_nesting_beyond_what_the_parser_allows_is_a_clear_error():
    assert "f.yaml:1:" in error_of("a: " + "[" * 5000 + "]" * 5000 + "\n")
