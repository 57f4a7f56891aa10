"""`advisor export`: one versioned document with the whole knowledge base, as a tool builder reads it."""

from __future__ import annotations

import json

import pytest
import yaml

from advisor.engine.compiler import compile_rules, facts_for
from advisor.engine.protocol import firing_of as firing
from advisor.engine.python import ruleset_from
from advisor.reasoning.pipeline import advisor_for
from advisor.schema import Answers, KnowledgeExport, Rule
from samples import EXAMPLE_ANSWERS


@pytest.fixture(scope="module")
def exported():
    import io
    from contextlib import redirect_stdout

    from advisor.cli.main import main

    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["export"]) == 0
    return out.getvalue()


def test_the_export_is_one_versioned_document_with_everything(exported, knowledge):
    data = json.loads(exported)
    assert data["format"] == "intranet-adoption-advisor/knowledge"
    assert data["format_version"] == "1.0"
    assert data["knowledge_version"] == knowledge.version
    assert [f["id"] for f in data["findings"]] == [f.id for f in knowledge.findings_file.findings]
    assert [r["id"] for r in data["rules"]] == [r.id for r in knowledge.rules]
    assert {p["name"] for p in data["parameters"]} == set(knowledge.parameters)
    assert [q["key"] for q in data["questions"]] == [q.key for q in knowledge.questions]
    assert {r["id"] for r in data["recommendations"]} == set(knowledge.recommendations)
    assert data["compiled"]["rules"] == json.loads(json.dumps(compile_rules(knowledge)))
    derive_rules = {r.id for r in knowledge.rules if r.then.derive}
    assert set(data["compiled"]["derives"]) == derive_rules and derive_rules


def test_the_export_validates_against_its_own_model_and_schema(exported):
    document = KnowledgeExport.model_validate_json(exported)
    assert document.rules and document.compiled.rules
    import jsonschema  # a test dependency: never skipped
    from advisor.schema.generate import json_schema

    jsonschema.Draft202012Validator(json_schema("knowledge")).validate(json.loads(exported))


def test_the_export_fails_its_schema_when_it_is_broken(exported):
    data = json.loads(exported)
    data["rules"][0]["when"][0]["lt"] = [1, 2]  # a list where one value belongs
    with pytest.raises(Exception):
        KnowledgeExport.model_validate(data)
    import jsonschema  # a test dependency: never skipped
    from advisor.schema.generate import json_schema

    assert list(jsonschema.Draft202012Validator(json_schema("knowledge")).iter_errors(data))


def test_rules_keep_their_source_spelling_and_read_back_equal(exported, knowledge):
    data = json.loads(exported)
    readers = next(r for r in data["rules"] if any("as" in p for p in r["when"]))
    assert "as_" not in json.dumps(readers) and any("ref" in json.dumps(p) for p in readers["when"])
    assert [Rule.model_validate(rule) for rule in data["rules"]] == list(knowledge.rules)


def test_the_compiled_rules_alone_run_the_consultation(exported, knowledge):
    # an embedder needs no rules/ directory: the compiled definitions and derives are enough
    compiled = json.loads(exported)["compiled"]
    derives = {rule_id: (d["name"], d["value"]) for rule_id, d in compiled["derives"].items()}
    ruleset = ruleset_from(compiled["rules"], derives)
    facts = facts_for(Answers.model_validate(EXAMPLE_ANSWERS))
    from_export = {firing(rule.id, matched) for rule, matched in ruleset.run(facts)}
    assert from_export == set(advisor_for(knowledge, "python").engine.run(facts))
    assert any(f.rule == "alignment-broaden-active-use" for f in from_export)


def test_yaml_holds_the_same_document(cli, exported):
    result = cli("export", "--format", "yaml")
    assert result.code == 0, result.err
    assert yaml.safe_load(result.out) == json.loads(exported)


def test_out_writes_the_file_atomically(cli, tmp_path, exported):
    target = tmp_path / "knowledge.json"
    target.write_text("old content")
    result = cli("export", "--out", str(target))
    assert result.code == 0, result.err
    assert result.out == ""
    assert target.read_text(encoding="utf-8") == exported
    assert [p.name for p in tmp_path.iterdir()] == ["knowledge.json"]  # no temporary file left


def test_out_into_a_missing_directory_is_a_clear_error(cli, tmp_path):
    result = cli("export", "--out", str(tmp_path / "missing" / "knowledge.json"))
    assert result.code == 2
    assert "cannot write" in result.err and "Traceback" not in result.err


def test_export_of_another_knowledge_base(cli, knowledge_copy):
    parameters = knowledge_copy / "rules" / "catalog" / "parameters.yaml"
    parameters.write_text(parameters.read_text().replace("value: 10\n", "value: 12\n", 1))
    result = cli("export", "--findings", str(knowledge_copy / "findings.yaml"), "--rules", str(knowledge_copy / "rules"))
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert {p["name"]: p["value"] for p in data["parameters"]}["active_share_low"] == 12
    assert {"$lt": {"number": 12}} in data["compiled"]["rules"]["active-breadth-low"]["all"][0]["p0"]["$and"]


def test_the_python_api_exports_too(exported):
    import advisor

    document = advisor.export_knowledge()
    assert isinstance(document, advisor.KnowledgeExport)
    assert json.loads(exported) == document.model_dump(mode="json", by_alias=True, exclude_none=True)
    assert advisor.json_schema("knowledge")["title"] == "KnowledgeExport"
    assert advisor.active_engine_name() in ("durable", "python")
