"""The README's runnable Python example runs as it stands, and its commands exist."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_the_runnable_api_example_runs(tmp_path):
    block = README.split("More of it, runnable as it stands:", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    result = subprocess.run([sys.executable, "-c", block], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("broaden-active-use | ")
    assert "usage.active_share - a share is a percentage" in result.stdout


def test_every_command_the_readme_shows_exists(cli):
    from advisor.cli.main import COMMANDS

    shown = set(re.findall(r"^advisor ([a-z]+)", README, flags=re.M))
    assert shown and shown <= set(COMMANDS)
    for name in sorted(shown):
        assert cli(name, "--help").code == 0, name


def test_the_test_command_is_what_ci_runs():
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 -m venv .venv && .venv/bin/pip install '.[test]' && .venv/bin/pytest" in README
    assert "\"$python\" -m venv \"$venv\" && \"$venv/bin/pip\" install --quiet '.[test]' && \"$venv/bin/pytest\"" in ci
