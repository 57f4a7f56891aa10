"""`advisor serve --stdio`: one JSON line in, one JSON line out, and no bad line stops it."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from advisor.reasoning.pipeline import Advisor, advise
from advisor.schema import Advice, ErrorResponse, Response
from samples import EXAMPLE_ANSWERS

LONG_FORM = {"id": "resp-17", "lang": "nl", "answers": EXAMPLE_ANSWERS}


@pytest.fixture
def serve(cli, monkeypatch):
    """Run the server in-process on these input lines (bytes are sent as they are); return the
    parsed output lines and standard error."""

    def run(*lines: str | bytes, args: tuple[str, ...] = ()) -> tuple[list[dict], str]:
        stdin = b"".join((line if isinstance(line, bytes) else line.encode("utf-8")) + b"\n" for line in lines)
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        result = cli("serve", "--stdio", *args)
        assert result.code == 0, result.err
        assert result.out.endswith("\n") or result.out == ""
        return [json.loads(line) for line in result.out.splitlines()], result.err

    return run


def test_a_bare_answers_line_gets_the_same_advice_as_advise(serve):
    (response,), err = serve(json.dumps(EXAMPLE_ANSWERS))
    assert response == advise(EXAMPLE_ANSWERS).model_dump(mode="json")
    Advice.model_validate(response)
    assert err == ""


def test_the_long_form_echoes_the_id_and_takes_a_language(serve):
    (response,), _ = serve(json.dumps(LONG_FORM))
    Response.model_validate(response)
    assert response["id"] == "resp-17"
    assert response["advice"] == advise(EXAMPLE_ANSWERS, lang="nl").model_dump(mode="json")
    assert response["advice"]["lang"] == "nl"


def test_every_bad_line_gets_an_error_object_and_the_server_goes_on(serve):
    lines = [
        "this is not json",
        "[1, 2, 3]",
        '{"goals": ["alignment"], "usage": {"active_share": "many"}}',
        '{"goals": ["alignment"], "usage": {"active_share": 8}, "colour": "red"}',
        '{"id": 3, "answers": {"goals": [], "usage": {}}}',
        '{"id": 4, "lang": "de", "answers": {"goals": ["alignment"], "usage": {}}}',
        '{"id": {"no": 1}, "answers": 5}',
        '{"goals": ["alignment"], "goals": ["engagement"], "usage": {}}',
        '{"goals": ["alignment"], "usage": {"active_share": NaN}}',
        "[" * 100_000,
        b'{"goals": ["alignment"], "usage": {"active_share": "\xff"}}',
        json.dumps(EXAMPLE_ANSWERS),  # still answered after all of that
    ]
    responses, _ = serve(*lines)
    assert len(responses) == len(lines)
    errors = [ErrorResponse.model_validate(r) for r in responses[:-1]]
    assert [e.error.code for e in errors] == [
        "invalid_json", "invalid_request", "invalid_answers", "invalid_answers", "invalid_answers",
        "invalid_request", "invalid_request", "invalid_json", "invalid_json", "invalid_json", "invalid_json",
    ]
    assert [e.error.line for e in errors] == list(range(1, len(lines)))
    assert [e.id for e in errors] == [None, None, None, None, 3, 4, None, None, None, None, None]
    by_line = {e.error.line: e.error for e in errors}
    assert by_line[3].problems[0].field == "usage.active_share"
    assert by_line[4].problems[0].field == "colour" and by_line[4].problems[0].message == "unknown field"
    assert by_line[5].problems[0].field == "goals"
    assert by_line[6].problems[0].field == "lang"
    assert "duplicate key 'goals'" in by_line[8].message
    Advice.model_validate(responses[-1])


def test_blank_lines_are_skipped_and_numbering_follows_the_input(serve):
    responses, _ = serve("", "   ", "{broken", "", json.dumps(EXAMPLE_ANSWERS))
    assert len(responses) == 2
    assert responses[0]["error"]["line"] == 3
    assert responses[1]["goals"] == EXAMPLE_ANSWERS["goals"]


def test_a_huge_line_is_refused_without_reading_it_whole(serve):
    huge = '{"goals": ["alignment"], "usage": {}, "pad": "' + "x" * 5000 + '"}'
    responses, _ = serve(huge, json.dumps(EXAMPLE_ANSWERS), args=("--max-line-bytes", "1000"))
    assert responses[0]["error"]["code"] == "line_too_long" and responses[0]["error"]["line"] == 1
    assert responses[1]["goals"] == EXAMPLE_ANSWERS["goals"]


def test_a_line_over_the_default_limit(serve):
    huge = "[" + "0," * 600_000 + "0]"  # 1.2 MB
    responses, _ = serve(huge, "{}")
    assert [r["error"]["code"] for r in responses] == ["line_too_long", "invalid_answers"]


def test_crlf_and_a_byte_order_mark_are_accepted(serve):
    line = ("\ufeff" + json.dumps(EXAMPLE_ANSWERS) + "\r").encode("utf-8")
    (response,), _ = serve(line)
    assert response["goals"] == EXAMPLE_ANSWERS["goals"]


def test_an_engine_failure_answers_that_line_only(serve, monkeypatch):
    from advisor.protocol import server as server_module

    calls = {"n": 0}
    original = server_module.Server.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        real = self.advisor.engine

        class Flaky:
            name = real.name

            def run(self, facts):
                calls["n"] += 1
                if calls["n"] == 1:
                    raise RuntimeError("boom")
                return real.run(facts)

        self.advisor = Advisor(self.advisor.knowledge, Flaky())

    monkeypatch.setattr(server_module.Server, "__init__", init)
    responses, _ = serve(json.dumps(LONG_FORM), json.dumps(LONG_FORM))
    assert responses[0] == {"id": "resp-17", "error": {"code": "internal_error", "message": "RuntimeError: boom", "line": 1, "problems": []}}
    assert responses[1]["id"] == "resp-17" and "advice" in responses[1]


def test_without_stdio_it_says_how_to_use_it(cli):
    result = cli("serve")
    assert result.code == 2 and "--stdio" in result.err and "--http" in result.err
    assert "`advisor serve --stdio`" in result.err and "`advisor serve --http`" in result.err  # what to type


@pytest.mark.parametrize("engine", ["python", "durable"])
def test_a_client_talks_to_the_server_one_line_at_a_time(engine, tmp_path):
    """A real pipe: each response must arrive before the next request is sent (no buffering)."""
    if engine == "durable":
        pytest.importorskip("durable.engine")
    env = {**os.environ, "LANG": "C.UTF-8"}
    env.pop("LC_ALL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "advisor", "serve", "--stdio", "--engine", engine],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path,
    )
    try:
        for number, request in enumerate([LONG_FORM, {"id": 2, "answers": {"goals": ["efficiency"], "usage": {}}}, "oops"], 1):
            line = request if isinstance(request, str) else json.dumps(request)
            process.stdin.write(line.encode("utf-8") + b"\n")
            process.stdin.flush()
            response = json.loads(process.stdout.readline())
            if number == 1:
                assert response["id"] == "resp-17" and response["advice"]["lang"] == "nl"
            elif number == 2:
                assert response["advice"]["goals"] == ["efficiency"]
            else:
                assert response["error"]["code"] == "invalid_json" and response["error"]["line"] == 3
        rest, err = process.communicate(timeout=30)
        assert process.returncode == 0
        assert rest == b"" and err == b""
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
