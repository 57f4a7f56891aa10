"""Hostile answers files (and the same values in workshop and knowledge files): YAML tags, keys
that are not text, numbers of thousands of digits, JSON read as JSON. Each gets one clear error
with its file and line (exit 2), never an internal error."""

from __future__ import annotations

import json

import pytest
from hostile import assert_clean_error

LONG_NUMBER = "1" + "0" * 5000

TAGGED = {
    "a tagged int that is not one": "!!int x",
    "a tagged float that is not one": "!!float x",
    "a tagged bool that is not one": "!!bool maybe",
    "a tagged timestamp that is not one": "!!timestamp x",
    "a date that does not exist": "2001-13-45",
    "a number of 5,000 digits": LONG_NUMBER,
}


@pytest.mark.parametrize("value", TAGGED.values(), ids=TAGGED.keys())
def test_a_value_yaml_cannot_read_plainly_is_a_clear_error_with_its_line(cli, tmp_path, value):
    path = tmp_path / "answers.yaml"
    path.write_text(f"goals: [alignment]\nusage:\n  active_share: {value}\n", encoding="utf-8")
    result = cli("advise", "--answers", str(path))
    assert_clean_error(result, f"{path}:3:17:")


@pytest.mark.parametrize("key", ["? [a, b]\n: 1", "? !!set {a}\n: 1", "true: x", "1: x"])
def test_a_key_that_is_not_text_is_a_clear_error_at_the_key(cli, tmp_path, key):
    path = tmp_path / "answers.yaml"
    path.write_text(f"goals: [alignment]\nusage: {{}}\n{key}\n", encoding="utf-8")
    result = cli("advise", "--answers", str(path))
    assert_clean_error(result, f"{path}:3:", "keys must be text")


def test_a_tag_in_a_knowledge_file_is_a_clear_error(cli, knowledge_copy, write_yaml):
    parameters = knowledge_copy / "rules" / "catalog" / "parameters.yaml"
    text = parameters.read_text(encoding="utf-8")
    parameters.write_text(text.replace("value: 10\n", "value: !!int x\n", 1), encoding="utf-8")
    answers = write_yaml({"goals": ["alignment"], "usage": {}})
    result = cli(
        "advise", "--answers", str(answers),
        "--findings", str(knowledge_copy / "findings.yaml"), "--rules", str(knowledge_copy / "rules"),
    )
    assert_clean_error(result, f"{parameters}:", "(got !!int)")


def test_a_long_number_in_a_workshop_file_is_a_clear_error(cli, tmp_path):
    path = tmp_path / "m.workshop.json"
    path.write_text(
        '{"format": "advisor-workshop", "version": "1", "name": "M", "lang": "en", "created": "2026-01-01",'
        f' "min_group_size": {LONG_NUMBER}, "responses": []}}',
        encoding="utf-8",
    )
    result = cli("workshop", "status", str(path))
    assert_clean_error(result, f"{path}:1:", "a number of more than 100 characters")


@pytest.mark.parametrize("number", ["1e1", "8.0E0", "1E+1", "0.5e2"])
def test_json_numbers_with_exponents_are_numbers_in_json_answers_files(cli, tmp_path, number):
    path = tmp_path / "answers.json"
    path.write_text(f'{{"goals": ["alignment"], "usage": {{"active_share": {number}}}}}', encoding="utf-8")
    result = cli("advise", "--answers", str(path), "--format", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["goals"] == ["alignment"]


def test_a_json_answers_file_keeps_positions_and_refuses_duplicate_keys(cli, tmp_path):
    path = tmp_path / "answers.json"
    path.write_text('{"goals": ["alignment"],\t"usage": {"active_share": 1, "active_share": 2}}', encoding="utf-8")
    assert_clean_error(cli("advise", "--answers", str(path)), f"{path}:1:", "duplicate key 'active_share'")


def test_json_on_standard_input_is_read_as_json(cli):
    result = cli("advise", "--answers", "-", "--format", "json", stdin='{"goals": ["alignment"], "usage": {"active_share": 1e1}}')
    assert result.code == 0, result.err


def test_a_lone_surrogate_in_a_json_answers_file_is_a_clear_error(cli, tmp_path):
    path = tmp_path / "answers.json"
    path.write_text('{"goals": ["alignment"], "usage": {}, "organisation": {"name": "\\ud800"}}', encoding="utf-8")
    assert_clean_error(cli("advise", "--answers", str(path)), "organisation.name", "surrogate")


def test_an_unknown_field_keeps_its_name_and_line_even_with_brackets(cli, tmp_path):
    path = tmp_path / "answers.yaml"
    path.write_text("goals: [alignment]\nusage:\n  active_share: 5\n  'a[b]': 1\n", encoding="utf-8")
    assert_clean_error(cli("advise", "--answers", str(path)), f"{path}:4:3: usage.a[b]: unknown field")


def test_the_number_of_employees_gets_no_hint_about_shares(cli, tmp_path):
    path = tmp_path / "answers.yaml"
    path.write_text("goals: [alignment]\nusage: {}\norganisation: {employees: -1}\n", encoding="utf-8")
    result = cli("advise", "--answers", str(path))
    assert_clean_error(result, "organisation.employees")
    assert "percentage" not in result.err and "0 to 100" not in result.err
