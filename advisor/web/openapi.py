"""The OpenAPI description of the HTTP API (served at /openapi.json), with every schema
generated from the pydantic models, as the shipped JSON Schemas are (advisor/schema/generate.py)."""

from __future__ import annotations

from typing import Any

from .._version import __version__
from ..i18n import LANGS

REF = "#/components/schemas/{model}"


def openapi_document() -> dict[str, Any]:
    from pydantic.json_schema import models_json_schema

    from ..schema import Advice, Answers, ErrorResponse, Request, Response
    from ..schema.generate import SCHEMAS

    _, components = models_json_schema(
        [(Answers, "validation"), (Request, "validation"), (Advice, "serialization"), (Response, "serialization"),
         (ErrorResponse, "serialization")],
        ref_template=REF,
    )

    def ref(name: str) -> dict:
        return {"$ref": REF.format(model=name)}

    def error(description: str) -> dict:
        return {"description": description, "content": {"application/json": {"schema": ref("ErrorResponse")}}}

    return {
        "openapi": "3.1.0",
        "info": {
            "title": "The advisor: HTTP API",
            "version": __version__,
            "description": (
                "Evidence-based advice on driving adoption of internal social media, for tools. The requests "
                "and responses of the JSON-lines protocol of `advisor serve --stdio`, over HTTP. The advice "
                "rests on correlations across 106 organisations, not on causes; every advice carries that caveat."
            ),
        },
        "paths": {
            "/v1/advice": {
                "post": {
                    "operationId": "advise",
                    "summary": "The advice for one set of answers",
                    "description": (
                        "The body is an answers object, or the long form {\"id\", \"lang\", \"answers\"}. The answer "
                        "is the advice, byte for byte what `advisor advise --format json` writes (for the long form: "
                        "{\"id\", \"advice\"}). Errors are the line protocol's error objects; `line` is always 1."
                    ),
                    "parameters": [{
                        "name": "lang", "in": "query", "required": False,
                        "description": "the language of the advice for a bare answers object (default: the server's --lang)",
                        "schema": {"enum": list(LANGS)},
                    }],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {"anyOf": [ref("Answers"), ref("Request")]}}},
                    },
                    "responses": {
                        "200": {
                            "description": "the advice (or, for the long form, its id and the advice)",
                            "content": {"application/json": {"schema": {"anyOf": [ref("Advice"), ref("Response")]}}},
                        },
                        "400": error("the body is not JSON (code invalid_json)"),
                        "413": error("the body is over the limit, 1,000,000 bytes by default (code line_too_long)"),
                        "422": error("not a valid request (invalid_request) or not valid answers (invalid_answers); "
                                     "`problems` name each field with a hint"),
                        "500": error("the rule engine failed on this request (internal_error); the server goes on"),
                    },
                }
            },
            "/v1/schema/{name}": {
                "get": {
                    "operationId": "schema",
                    "summary": "A JSON Schema (draft 2020-12) of what the advisor reads and writes",
                    "parameters": [{"name": "name", "in": "path", "required": True, "schema": {"enum": list(SCHEMAS)}}],
                    "responses": {
                        "200": {"description": "the schema", "content": {"application/json": {"schema": {"type": "object"}}}},
                        "404": error("no schema of that name (code invalid_request)"),
                    },
                }
            },
            "/healthz": {
                "get": {
                    "operationId": "health",
                    "summary": "Whether the server answers, with the versions it answers with",
                    "responses": {
                        "200": {
                            "description": "the server is up",
                            "content": {"application/json": {"schema": {
                                "type": "object",
                                "properties": {
                                    "status": {"const": "ok"},
                                    "advisor_version": {"type": "string"},
                                    "knowledge_version": {"type": "string"},
                                    "engine": {"type": "string"},
                                },
                                "required": ["status", "advisor_version", "knowledge_version", "engine"],
                            }}},
                        }
                    },
                }
            },
        },
        "components": {"schemas": components.get("$defs", {})},
    }
