"""The HTTP API of `advisor serve --http`: the line protocol over HTTP, for tools.

    POST /v1/advice        an answers object, or the long form {"id", "lang", "answers"}; the
                           advice out (``{"id", "advice"}`` for the long form), byte for byte
                           what `advisor advise --format json` writes
    GET  /v1/schema/{name} the JSON Schema of answers, advice, request, response, error, ...
    GET  /healthz          {"status": "ok", ...}
    GET  /openapi.json     the OpenAPI description, generated from the pydantic models

Requests are read by the line protocol's own reader (protocol/requests.py) and answered by its
server (protocol/server.py); errors are its error objects, with HTTP status 400 (not JSON), 413
(a body over the limit, 1 MB by default), 422 (not a valid request or answers), 500 (internal).
A body is one request: `line` in an error is always 1. ``?lang=nl`` sets the language of a bare
answers object (the long form's own "lang" wins).
"""

from __future__ import annotations

from ..protocol.requests import LineError, error_response
from ..protocol.server import Server, too_long
from ..render.json import dumps
from ..i18n import LANGS
from .limits import BodyLimit
from .security import SecurityHeaders

STATUS = {"invalid_json": 400, "line_too_long": 413, "invalid_request": 422, "invalid_answers": 422, "internal_error": 500}
API_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"cache-control", b"no-store")]


def create_api(server: Server):
    from starlette.applications import Starlette
    from starlette.exceptions import HTTPException
    from starlette.middleware import Middleware
    from starlette.responses import Response
    from starlette.routing import Route

    from ..schema.generate import SCHEMAS, json_schema
    from .openapi import openapi_document

    in_language = {lang: Server(server.advisor, lang, server.max_line_bytes) for lang in LANGS}

    def json_response(data, status: int = 200) -> Response:
        return Response(dumps(data).encode("utf-8"), status_code=status, media_type="application/json")

    def error(code: str, message: str, status: int | None = None) -> Response:
        return json_response(error_response(LineError(code, message), 1), status or STATUS[code])

    async def advice(request):
        lang = request.query_params.get("lang")
        if lang is not None and lang not in LANGS:
            return error("invalid_request", f"unknown language {lang[:20]!r}: use one of {', '.join(LANGS)}")
        raw = await request.body()
        if not raw.strip():
            return error("invalid_json", "the request body is empty: send an answers object")
        answered = (server if lang is None else in_language[lang]).answer(raw, 1)
        if "error" in answered:
            return json_response(answered, STATUS.get(answered["error"]["code"], 500))
        return json_response(answered)

    async def schema(request):
        name = request.path_params["name"]
        if name not in SCHEMAS:
            return error("invalid_request", f"no schema {name[:40]!r}: use one of {', '.join(SCHEMAS)}", 404)
        return json_response(json_schema(name))

    async def health(request):
        from .._version import __version__

        return json_response({
            "status": "ok",
            "advisor_version": __version__,
            "knowledge_version": server.advisor.knowledge.version,
            "engine": server.advisor.engine.name,
        })

    document = openapi_document()

    async def openapi(request):
        return json_response(document)

    async def http_error(request, failure: HTTPException):
        code = "invalid_request"
        message = {404: "no such endpoint: see /openapi.json", 405: "method not allowed: see /openapi.json"}.get(
            failure.status_code, str(failure.detail)
        )
        return error(code, message, failure.status_code)

    async def internal(request, failure: Exception):
        return error("internal_error", f"{type(failure).__name__}: {failure}"[:500])

    def refuse(scope, limit: int) -> Response:
        return json_response(error_response(too_long(limit, "request body"), 1), 413)

    return Starlette(
        routes=[
            Route("/v1/advice", advice, methods=["POST"]),
            Route("/v1/schema/{name}", schema, methods=["GET"]),
            Route("/healthz", health, methods=["GET"]),
            Route("/openapi.json", openapi, methods=["GET"]),
        ],
        middleware=[
            Middleware(SecurityHeaders, headers=API_HEADERS),
            Middleware(BodyLimit, limit_for=lambda path: server.max_line_bytes, refuse=refuse),
        ],
        exception_handlers={HTTPException: http_error, Exception: internal},
    )

