"""--version and --help must stay fast: no engine, prompt library, pydantic or rich on that path."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("pydantic", "durable", "durable_rules_engine", "questionary", "prompt_toolkit", "rich", "yaml")


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["advise", "--help"]])
def test_cold_path_imports_nothing_heavy(argv):
    code = (
        "import sys, contextlib, io\n"
        "from advisor.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main({argv!r})\n"
        f"print(code, [m for m in {HEAVY!r} if m in sys.modules])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0 []"


def test_version_names_the_engine(cli):
    result = cli("--version")
    assert result.code == 0
    assert result.out.startswith("advisor ") and "engine:" in result.out
