"""`advisor serve --stdio`: advice as a JSON-lines protocol, for tools written in other languages.

One request per line in (UTF-8 JSON): a bare answers object, or ``{"id": ..., "lang": ...,
"answers": {...}}``. One line out per request, in the same order, flushed at once: the advice
(``{"id": ..., "advice": {...}}`` for the long form), or an error object ``{"id": ...,
"error": {"code", "message", "line", "problems"}}``, after which the server reads on. Blank
lines are skipped. The server stops at the end of its input (exit 0), or quietly when its
output is gone (closed, a broken pipe, a full disk): no one is left to answer. Schemas:
request, answers, advice, response, error (advisor/schemas/).
"""

from __future__ import annotations

import argparse
import sys
from typing import BinaryIO

from ..cli import add_lang_argument, resolve_lang
from ..engines import add_engine_argument
from .advise import add_knowledge_arguments, knowledge_from


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--stdio", action="store_true", help="read requests on standard input, answer on standard output"
    )
    add_lang_argument(parser)
    add_engine_argument(parser)
    add_knowledge_arguments(parser)
    parser.add_argument(
        "--max-line-bytes", type=int, default=None, metavar="N",
        help="refuse longer request lines (default: 1,000,000)",
    )


class Server:
    """Answers request lines. Keeps the knowledge base and engine for the whole session."""

    def __init__(self, knowledge, lang: str, engine: str | None = None, max_line_bytes: int | None = None):
        from ..batch.requests import MAX_LINE_BYTES
        from ..reasoning import engine_for

        self.knowledge = knowledge
        self.lang = lang
        self.engine = engine_for(knowledge, engine)  # made now: the first request is not slower
        self.max_line_bytes = max_line_bytes or MAX_LINE_BYTES

    def answer(self, raw: bytes, line: int) -> dict | None:
        """The response to one line (None for a blank line): never raises for bad input."""
        from ..batch.requests import LineError, error_response, parse_json, read_request
        from ..compiler import facts_for
        from ..reasoning import build_advice

        if not raw.strip():
            return None
        request = None
        try:
            request = read_request(parse_json(raw), source=f"line {line}")
            lang = request.lang or self.lang
            firings = self.engine.run(facts_for(request.answers))
            advice = build_advice(self.knowledge, request.answers, firings, lang).model_dump(mode="json")
        except LineError as error:
            return error_response(error, line)
        except Exception as error:  # an engine failure answers this line; the next one still runs
            failure = LineError("internal_error", f"{type(error).__name__}: {error}"[:500])
            failure.id = request.id if request else None
            return error_response(failure, line)
        return {"id": request.id, "advice": advice} if request.long_form else advice

    def serve(self, requests: BinaryIO, responses: BinaryIO) -> int:
        """Answer every line until the input ends; returns how many responses were written."""
        from ..batch.requests import LineError, error_response
        from ..jsonio import dumps_line

        written = 0
        number = 0
        while True:
            raw = requests.readline(self.max_line_bytes + 1)
            if not raw:
                return written
            number += 1
            if len(raw) > self.max_line_bytes and not raw.endswith(b"\n"):
                _skip_rest_of_line(requests)
                message = f"the line is longer than {self.max_line_bytes:,} bytes"
                response: dict | None = error_response(LineError("line_too_long", message), number)
            else:
                response = self.answer(raw, number)
            if response is None:
                continue
            try:
                data = dumps_line(response).encode("utf-8")
            except (ValueError, TypeError) as error:  # e.g. text that is not Unicode: this line only
                failure = LineError("internal_error", f"{type(error).__name__}: {error}"[:500])
                data = dumps_line(error_response(failure, number)).encode("utf-8")
            try:
                responses.write(data)
                responses.flush()
            except OSError:  # standard output closed, its reader gone, or the disk full
                _discard_output(responses)
                return written
            written += 1


def _discard_output(stream: BinaryIO) -> None:
    """Point the dead output at the null device, so what is still buffered can be flushed at exit
    without a complaint."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(1 << 16)
        if not chunk or chunk.endswith(b"\n"):
            return


def run(args: argparse.Namespace) -> int:
    from ..errors import AdvisorError

    if not args.stdio:
        raise AdvisorError("choose how to serve: --stdio is the one transport", hint="advisor serve --stdio")
    if args.max_line_bytes is not None and args.max_line_bytes < 1:
        raise AdvisorError("--max-line-bytes must be a positive number of bytes")
    server = Server(knowledge_from(args), resolve_lang(args), args.engine, args.max_line_bytes)
    if sys.stdout is None:  # started with standard output closed: no one to answer
        return 0
    sys.stdout.flush()
    server.serve(sys.stdin.buffer, sys.stdout.buffer)
    return 0
