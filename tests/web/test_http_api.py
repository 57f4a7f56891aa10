"""`advisor serve --http`: the line protocol over HTTP. The advice is the bytes `advise --format
json` writes; errors are the protocol's error objects with their HTTP status; the OpenAPI
description comes from the pydantic models."""

from __future__ import annotations

import json

import pytest

from advisor.protocol.server import Server
from advisor.reasoning.pipeline import Advisor, advisor_for
from advisor.render.json import dumps
from advisor.schema import Advice, ErrorResponse, Response
from advisor.schema.generate import SCHEMAS, json_schema
from advisor.web.api import create_api
from samples import EXAMPLE_ANSWERS, EXAMPLE_FILE

from web_pages import Client


@pytest.fixture
def api(clients):
    def make(lang: str = "en", max_line_bytes: int | None = None, advisor=None) -> Client:
        return clients(create_api(Server(advisor or advisor_for(), lang, max_line_bytes)))

    return make


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_advice_is_byte_for_byte_what_advise_writes(api, cli, lang):
    expected = cli("advise", "--answers", EXAMPLE_FILE, "--format", "json", "--lang", lang)
    assert expected.code == 0
    for client, url in ((api(lang), "/v1/advice"), (api("en" if lang == "nl" else "nl"), f"/v1/advice?lang={lang}")):
        response = client.post(url, content=json.dumps(EXAMPLE_ANSWERS).encode())
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        assert response.content == expected.out.encode("utf-8")


def test_the_long_form_echoes_its_id_and_takes_its_language(api):
    response = api("en").post("/v1/advice?lang=en", json={"id": "resp-17", "lang": "nl", "answers": EXAMPLE_ANSWERS})
    assert response.status_code == 200
    body = Response.model_validate(response.json())
    assert body.id == "resp-17" and body.advice.lang == "nl"  # the request's own language wins
    assert response.content == dumps({"id": "resp-17", "advice": advisor_for().advise(EXAMPLE_ANSWERS, "nl").model_dump(mode="json")}).encode()


@pytest.mark.parametrize("body, status, code", [
    (b"this is not json", 400, "invalid_json"),
    (b"", 400, "invalid_json"),
    (b"\xff\xfe{}", 400, "invalid_json"),
    (b'{"goals": ["alignment"], "goals": ["engagement"], "usage": {}}', 400, "invalid_json"),
    (b"[" * 100_000, 400, "invalid_json"),
    (b"[1, 2, 3]", 422, "invalid_request"),
    (b'{"id": 4, "lang": "de", "answers": {"goals": ["alignment"], "usage": {}}}', 422, "invalid_request"),
    (b'{"goals": ["alignment"], "usage": {"active_share": 120}}', 422, "invalid_answers"),
    (b'{"goals": [], "usage": {}}', 422, "invalid_answers"),
    (b'{"goals": ["alignment"], "usage": {}, "colour": "red"}', 422, "invalid_answers"),
])
def test_errors_are_the_protocols_error_objects(api, body, status, code):
    response = api().post("/v1/advice", content=body)
    assert response.status_code == status
    error = ErrorResponse.model_validate(response.json())
    assert error.error.code == code and error.error.line == 1


def test_an_invalid_answer_names_its_field(api):
    response = api().post("/v1/advice", json={"id": 9, "answers": {"goals": ["alignment"], "usage": {"active_share": "many"}}})
    body = response.json()
    assert response.status_code == 422 and body["id"] == 9
    assert body["error"]["problems"][0]["field"] == "usage.active_share"


def test_a_body_over_the_limit_is_413_without_reading_it_whole(api):
    small = api(max_line_bytes=1000)
    padded = {"goals": ["alignment"], "usage": {}, "pad": "x" * 2000}
    response = small.post("/v1/advice", content=json.dumps(padded).encode())
    assert response.status_code == 413
    assert ErrorResponse.model_validate(response.json()).error.code == "line_too_long"
    declared = small.post("/v1/advice", content=b"{}", headers={"content-length": "5000000"})
    assert declared.status_code == 413
    default = api()
    huge = default.post("/v1/advice", content=b"[" + b"0," * 600_000 + b"0]")  # 1.2 MB
    assert huge.status_code == 413 and "1,000,000 bytes" in huge.json()["error"]["message"]
    assert default.post("/v1/advice", json=EXAMPLE_ANSWERS).status_code == 200


def test_an_unknown_language_is_refused(api):
    response = api().post("/v1/advice?lang=de", json=EXAMPLE_ANSWERS)
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_request"


def test_an_engine_failure_answers_that_request_only(api):
    real = advisor_for()

    class Flaky:
        name = real.engine.name
        calls = 0

        def run(self, facts):
            Flaky.calls += 1
            if Flaky.calls == 1:
                raise RuntimeError("boom")
            return real.engine.run(facts)

    client = api(advisor=Advisor(real.knowledge, Flaky()))
    failed = client.post("/v1/advice", json=EXAMPLE_ANSWERS)
    assert failed.status_code == 500 and failed.json()["error"] == {"code": "internal_error", "message": "RuntimeError: boom", "line": 1, "problems": []}
    assert client.post("/v1/advice", json=EXAMPLE_ANSWERS).status_code == 200


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_the_schemas(api, name):
    response = api().get(f"/v1/schema/{name}")
    assert response.status_code == 200 and response.json() == json_schema(name)


def test_unknown_schemas_and_endpoints_are_error_objects(api):
    client = api()
    for response, status in ((client.get("/v1/schema/nope"), 404), (client.get("/v1/nothing"), 404), (client.get("/v1/advice"), 405)):
        assert response.status_code == status
        ErrorResponse.model_validate(response.json())


def test_health(api):
    body = api().get("/healthz").json()
    assert body["status"] == "ok" and body["knowledge_version"] == advisor_for().knowledge.version and body["engine"]


def test_the_openapi_description_is_generated_from_the_models(api):
    document = api().get("/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    assert set(document["paths"]) == {"/v1/advice", "/v1/schema/{name}", "/healthz"}
    components = document["components"]["schemas"]

    def refs(node):
        if isinstance(node, dict):
            if "$ref" in node:
                yield node["$ref"]
            for value in node.values():
                yield from refs(value)
        elif isinstance(node, list):
            for value in node:
                yield from refs(value)

    found = set(refs(document))
    assert found and all(ref.startswith("#/components/schemas/") and ref.rsplit("/", 1)[1] in components for ref in found)
    advice = dict(Advice.model_json_schema(mode="serialization", ref_template="#/components/schemas/{model}"))
    advice.pop("$defs", None)
    assert components["Advice"] == advice
    statuses = document["paths"]["/v1/advice"]["post"]["responses"]
    assert set(statuses) == {"200", "400", "413", "422", "500"}
