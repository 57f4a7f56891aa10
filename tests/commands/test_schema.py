"""`advisor schema`: JSON Schemas generated from the models, the same as the files that ship."""

from __future__ import annotations

import json

import pytest

from advisor.schema.generate import SCHEMAS, json_schema, shipped_schema
from advisor.reasoning.pipeline import advise
from samples import EXAMPLE_ANSWERS


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_each_schema_prints_as_json(cli, name):
    result = cli("schema", name)
    assert result.code == 0, result.err
    schema = json.loads(result.out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["type"] == "object" and schema["properties"]


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_the_shipped_schema_files_are_up_to_date(name):
    path = shipped_schema(name)
    assert path.is_file(), f"{path} is missing: run `advisor schema --all --out advisor/schema/json`"
    assert json.loads(path.read_text(encoding="utf-8")) == json_schema(name), (
        f"{path.name} is out of date with the models in advisor/schema/: run `advisor schema --all --out advisor/schema/json`"
    )


def test_all_writes_every_schema_file(cli, tmp_path):
    result = cli("schema", "--all", "--out", str(tmp_path / "schemas"))
    assert result.code == 0, result.err
    written = sorted(p.name for p in (tmp_path / "schemas").iterdir())
    assert written == sorted(f"{name}.schema.json" for name in SCHEMAS)
    for name in SCHEMAS:
        assert (tmp_path / "schemas" / f"{name}.schema.json").read_text() == shipped_schema(name).read_text()


def test_one_schema_to_a_file(cli, tmp_path):
    result = cli("schema", "answers", "--out", str(tmp_path / "answers.json"))
    assert result.code == 0 and result.out == ""
    assert json.loads((tmp_path / "answers.json").read_text()) == json_schema("answers")


@pytest.mark.parametrize("argv", [["schema"], ["schema", "nonsense"], ["schema", "answers", "--all"]])
def test_usage_errors(cli, argv):
    result = cli(*argv)
    assert result.code == 2
    assert "Traceback" not in result.err


def test_the_schemas_accept_real_documents_and_refuse_broken_ones():
    import jsonschema  # a test dependency: never skipped

    def valid(name, document):
        validator = jsonschema.Draft202012Validator(json_schema(name))
        return not list(validator.iter_errors(document))

    for name in SCHEMAS:
        jsonschema.Draft202012Validator.check_schema(json_schema(name))
    assert valid("answers", EXAMPLE_ANSWERS)
    assert valid("answers", {"goals": ["engagement"], "usage": {"active_share": "unknown"}})
    assert not valid("answers", {**EXAMPLE_ANSWERS, "usage": {"active_share": 120}})
    assert not valid("answers", {**EXAMPLE_ANSWERS, "goals": ["happiness"]})
    assert not valid("answers", {**EXAMPLE_ANSWERS, "colour": "blue"})
    advice = advise(EXAMPLE_ANSWERS).model_dump(mode="json")
    assert valid("advice", advice)
    assert valid("response", {"id": 7, "advice": advice})
    assert not valid("advice", {**advice, "recommendations": "none"})
    assert valid("request", {"id": "a", "lang": "nl", "answers": EXAMPLE_ANSWERS})
    assert not valid("request", {"lang": "de", "answers": EXAMPLE_ANSWERS})
