"""Hostile lines and a dead output for `advisor serve --stdio`, run as a tool would run it: a
separate process. A bad line gets an error object and the next line is answered; when standard
output is gone (closed, full), the server ends quietly: no traceback, no internal error."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

GOOD = json.dumps({"id": 2, "answers": {"goals": ["engagement"], "usage": {"passive_share": 30}}})


def serve(lines: list[str], **streams) -> subprocess.CompletedProcess:
    streams.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "advisor", "serve", "--stdio"], input="".join(line + "\n" for line in lines).encode("utf-8"),
        stderr=subprocess.PIPE, timeout=120, **streams,
    )


@pytest.mark.parametrize(
    "line",
    [
        '{"id": "\\ud800", "answers": {"goals": ["engagement"], "usage": {}}}',
        '{"id": 1, "answers": {"goals": ["engagement"], "usage": {}, "organisation": {"name": "\\udfff"}}}',
        '{"id": 1, "answers": {"goals": ["engagement"], "usage": {"\\ud800": 1}}}',
    ],
    ids=["in the id", "in a value", "in an unknown field's name"],
)
def test_a_lone_surrogate_gets_an_error_object_and_the_next_line_is_answered(line):
    completed = serve([line, GOOD])
    assert completed.returncode == 0, completed.stderr
    first, second = [json.loads(text) for text in completed.stdout.decode("utf-8").splitlines()]
    assert first["error"]["code"] == "invalid_json" and first["error"]["line"] == 1
    assert second["id"] == 2 and "advice" in second
    assert completed.stderr == b""


def test_a_closed_standard_output_ends_the_server_quietly():
    completed = subprocess.run(
        [sys.executable, "-m", "advisor", "serve", "--stdio"], input=(GOOD + "\n").encode("utf-8"),
        stderr=subprocess.PIPE, timeout=120, preexec_fn=lambda: os.close(1),
    )
    assert completed.returncode == 0 and completed.stderr == b""


def test_a_full_disk_on_standard_output_ends_the_server_quietly():
    with open("/dev/full", "wb") as full:
        completed = serve([GOOD] * 50, stdout=full)
    assert completed.returncode == 0 and completed.stderr == b""
