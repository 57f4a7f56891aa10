"""The installed advisor in a pseudo-terminal, for the hostile-input tests that need one (a
prompt that must not appear, a terminal that must not be steered)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ADVISOR = Path(sys.executable).parent / "advisor"
FIRST_QUESTION = "contribute to\\?"  # the goals question


def spawn(pexpect, args: list[str], cwd: Path, **environment: str):
    env = {key: value for key, value in os.environ.items() if not key.startswith("LC_")}
    env.update(LANG="en_GB.UTF-8", TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1", NO_COLOR="1", **environment)
    return pexpect.spawn(str(ADVISOR), args, cwd=str(cwd), env=env, dimensions=(40, 120), encoding="utf-8", timeout=30)


def run_to_the_end(pexpect, child) -> tuple[int, str, bool]:
    """Wait for the end; if the first question shows instead, answer it (one goal) and go on to
    the end. Returns the exit status, what was shown, and whether a question was asked."""
    asked = child.expect([pexpect.EOF, FIRST_QUESTION]) == 1
    if asked:
        child.send(" \r")  # the first goal, confirmed: the answer is saved now
        child.expect(pexpect.EOF, timeout=60)
    child.close()
    return child.exitstatus, child.before, asked
