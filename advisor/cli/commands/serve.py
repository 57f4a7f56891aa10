"""`advisor serve`: advice for tools written in other languages, over one of two transports.

``--stdio``: the JSON-lines protocol on standard input and output (advisor/protocol/server.py):
one request per line in, one response per line out, in the same order, flushed at once; blank
lines are skipped; the server stops at the end of its input (exit 0).

``--http``: the same requests and responses over HTTP (advisor/web/api.py): ``POST /v1/advice``,
``GET /v1/schema/{name}``, ``GET /healthz`` and the OpenAPI description at ``/openapi.json``. It
listens on 127.0.0.1 unless --host says otherwise, prints its address on the first line of
standard output, and runs until Ctrl-C. Needs the `web` extra.
"""

from __future__ import annotations

import argparse
import sys

from ..options import add_engine_argument, add_knowledge_arguments, add_lang_argument, advisor_from, resolve_lang

HTTP_PORT = 8080


def add_arguments(parser: argparse.ArgumentParser) -> None:
    transport = parser.add_mutually_exclusive_group()
    transport.add_argument(
        "--stdio", action="store_true", help="read requests on standard input, answer on standard output"
    )
    transport.add_argument("--http", action="store_true", help="answer requests over HTTP (needs the web extra)")
    parser.add_argument("--host", metavar="ADDR", default="127.0.0.1", help="--http: the address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", metavar="N", type=int, default=HTTP_PORT, help=f"--http: the port (default: {HTTP_PORT}; 0: any free port)")
    add_lang_argument(parser)
    add_engine_argument(parser)
    add_knowledge_arguments(parser)
    parser.add_argument(
        "--max-line-bytes", type=int, default=None, metavar="N",
        help="refuse longer request lines, or --http request bodies (default: 1,000,000)",
    )


def run(args: argparse.Namespace) -> int:
    from ...errors import AdvisorError

    if not (args.stdio or args.http):
        raise AdvisorError(
            "choose how to serve: type `advisor serve --stdio` for JSON lines on standard input and output, "
            "or `advisor serve --http` for HTTP (needs the web extra)",
            hint="advisor serve --help describes both",
        )
    if args.max_line_bytes is not None and args.max_line_bytes < 1:
        raise AdvisorError("--max-line-bytes must be a positive number of bytes")
    if args.http:
        return _serve_http(args)
    from ...protocol.server import Server

    server = Server(advisor_from(args), resolve_lang(args), args.max_line_bytes)
    if sys.stdout is None:  # started with standard output closed: no one to answer
        return 0
    sys.stdout.flush()
    server.serve(sys.stdin.buffer, sys.stdout.buffer)
    return 0


def _serve_http(args: argparse.Namespace) -> int:
    from ...i18n import t
    from ...web import require_web

    lang = resolve_lang(args)
    require_web(lang)
    from ...protocol.server import Server
    from ...web.api import create_api
    from ...web.network import address_url, bind
    from ...web.serving import run_server

    sock = bind(args.host, args.port, lang=lang)
    server = Server(advisor_from(args), lang, args.max_line_bytes)
    url = address_url(args.host, sock.getsockname()[1])
    print(url, flush=True)  # the first line of standard output, for a tool that started it
    print(t(lang, "web.api_started", url=url), file=sys.stderr, flush=True)
    run_server(create_api(server), sock)
    print(t(lang, "web.stopped"), file=sys.stderr)
    return 0
