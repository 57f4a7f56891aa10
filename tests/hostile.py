"""What every hostile-input test asks of the advisor: advice, or one clear error (exit 2, no
traceback, no internal error), and nothing on a terminal that could steer it."""

from __future__ import annotations

import re

# C0 and C1 control characters and DEL, except newline and tab: what can steer a terminal
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def assert_clean_error(result, *expected: str) -> None:
    """Exit 2 with a message (each of ``expected`` in it) and no traceback or internal error."""
    assert result.code == 2, (result.code, result.err)
    assert "Traceback" not in result.err and "internal error" not in result.err, result.err
    for text in expected:
        assert text in result.err, result.err


def assert_no_control_characters(text: str) -> None:
    found = CONTROL.search(text)
    assert found is None, f"control character {found.group()!r} in {text!r}"
