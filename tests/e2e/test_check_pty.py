"""`advisor check` in a real pseudo-terminal, with the installed `advisor`: it shows what it is
checking while it runs, and the report stays as it is; on a pipe it shows nothing but the report."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

ADVISOR = Path(sys.executable).parent / "advisor"


@pytest.fixture
def env(tmp_path):
    assert ADVISOR.exists(), f"the advisor console script is not installed next to {sys.executable}"
    environment = {key: value for key, value in os.environ.items() if key not in ("LC_ALL", "LC_MESSAGES", "NO_COLOR")}
    environment.update(LANG="en_GB.UTF-8", TERM="xterm-256color")
    return environment


def test_progress_on_a_terminal_and_none_on_a_pipe(env, knowledge_copy):
    args = ["check", "--no-grid", "--findings", str(knowledge_copy / "findings.yaml"), "--rules", str(knowledge_copy / "rules")]
    child = pexpect.spawn(str(ADVISOR), args, env=env, dimensions=(24, 100), encoding="utf-8", timeout=120)
    child.expect("Checking never-fires")
    child.expect("No problems found.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    piped = subprocess.run([str(ADVISOR), *args], env=env, capture_output=True, text=True, timeout=120)
    assert piped.returncode == 0 and piped.stderr == ""
    assert "Checking" not in piped.stdout and piped.stdout.rstrip().endswith("No problems found.")
