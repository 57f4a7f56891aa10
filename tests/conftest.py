"""Shared fixtures. Tests import the installed `advisor` package (see README, Tests)."""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from advisor.cli.main import main
from advisor.knowledge.load import default_paths
from advisor.knowledge.load import shipped_knowledge


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def knowledge():
    return shipped_knowledge()


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run `advisor ARGS...` in-process; returns exit code, stdout and stderr."""
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)

    def run(*argv: str, stdin: str | None = None) -> Result:
        if stdin is not None:
            import io

            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8"))))
        code = main(list(argv))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def wide_console(monkeypatch):
    """A wide console, so the lines a test asserts on are not wrapped."""
    monkeypatch.setenv("COLUMNS", "220")


@pytest.fixture
def write_yaml(tmp_path):
    """Write data (or text) to a YAML file under tmp_path and return its path."""

    def write(data, name: str = "answers.yaml") -> Path:
        path = tmp_path / name
        path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        return path

    return write


@pytest.fixture
def knowledge_copy(tmp_path):
    """A writable copy of the shipped findings.yaml and rules/, for tests that break or extend it."""
    findings, rules = default_paths()
    target = tmp_path / "knowledge"
    target.mkdir()
    shutil.copy(findings, target / "findings.yaml")
    shutil.copytree(rules, target / "rules")
    return target
