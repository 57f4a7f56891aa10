"""The line protocol's server: answers request lines with advice or error objects, for
`advisor serve --stdio` (one line at a time from a stream) and `advisor serve --http` (one
request body at a time).

One request per line in (UTF-8 JSON): a bare answers object, or ``{"id": ..., "lang": ...,
"answers": {...}}``. One response per request: the advice (``{"id": ..., "advice": {...}}`` for
the long form), or an error object ``{"id": ..., "error": {"code", "message", "line",
"problems"}}``. No bad request stops the server; on a stream it stops at the end of its input, or
quietly when its output is gone (closed, a broken pipe, a full disk): no one is left to answer. Schemas: request, answers, advice, response,
error (advisor/schema/json/).
"""

from __future__ import annotations

from typing import BinaryIO

from .requests import MAX_LINE_BYTES, LineError, error_response, parse_json, read_request


class Server:
    """Answers request lines. Keeps the knowledge base and engine for the whole session."""

    def __init__(self, advisor, lang: str, max_line_bytes: int | None = None):
        self.advisor = advisor  # its engine is made already: the first request is not slower
        self.lang = lang
        self.max_line_bytes = max_line_bytes or MAX_LINE_BYTES

    def answer(self, raw: bytes, line: int) -> dict | None:
        """The response to one line (None for a blank line): never raises for bad input."""
        if not raw.strip():
            return None
        request = None
        try:
            request = read_request(parse_json(raw), source=f"line {line}", lang=self.lang, knowledge=self.advisor.knowledge)
            lang = request.lang or self.lang
            advice = self.advisor.advise(request.answers, lang).model_dump(mode="json")
        except LineError as error:
            return error_response(error, line)
        except Exception as error:  # an engine failure answers this line; the next one still runs
            failure = LineError("internal_error", f"{type(error).__name__}: {error}"[:500])
            failure.id = request.id if request else None
            return error_response(failure, line)
        return {"id": request.id, "advice": advice} if request.long_form else advice

    def serve(self, requests: BinaryIO, responses: BinaryIO) -> int:
        """Answer every line until the input ends; returns how many responses were written."""
        from ..render.json import dumps_line

        written = 0
        number = 0
        while True:
            raw = requests.readline(self.max_line_bytes + 1)
            if not raw:
                return written
            number += 1
            if len(raw) > self.max_line_bytes and not raw.endswith(b"\n"):
                _skip_rest_of_line(requests)
                response: dict | None = error_response(too_long(self.max_line_bytes), number)
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


def too_long(limit: int, what: str = "line") -> LineError:
    return LineError("line_too_long", f"the {what} is longer than {limit:,} bytes")


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(1 << 16)
        if not chunk or chunk.endswith(b"\n"):
            return
