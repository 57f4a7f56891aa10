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

pytest_plugins = ["chromium"]  # the browser and screenshots fixtures (tests/chromium.py)


@dataclass
class Result:
    code: int
    out: str
    err: str


def pytest_addoption(parser):
    parser.addoption(
        "--full",
        action="store_true",
        help="everything CI runs: the engines and the decision tables compared on every answers "
        "set of the grid and on 20,000 random ones (tests/test_conformance.py), not on the "
        "everyday sample; and the installs into fresh environments (test_install_without_durable.py)",
    )


@pytest.fixture(scope="session")
def full(request) -> bool:
    return request.config.getoption("--full")


def pytest_configure(config):
    config.addinivalue_line("markers", "full_only: too slow for the everyday run; runs with --full (CI)")


def pytest_collection_modifyitems(config, items):
    """Without --full, the tests marked full_only are skipped, and say how to run them."""
    if config.getoption("--full"):
        return
    skip = pytest.mark.skip(reason="a fresh environment per test: run with --full, as CI does")
    for item in items:
        if item.get_closest_marker("full_only"):
            item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def private_cache_folder(tmp_path_factory):
    """The cache of parsed knowledge files (advisor/knowledge/cache.py) in a folder of the test
    run, not the user's (child processes inherit it); and no terminal size from the runner."""
    import os

    folder = tmp_path_factory.mktemp("cache")
    before = {name: os.environ.get(name) for name in ("XDG_CACHE_HOME", "COLUMNS", "LINES")}
    os.environ["XDG_CACHE_HOME"] = str(folder)
    # the size of the terminal the tests run in (pytest-xdist's workers say 80x24) must not
    # decide how a child in a pseudo-terminal lays out its screen: the pseudo-terminal's size does
    os.environ.pop("COLUMNS", None)
    os.environ.pop("LINES", None)
    yield folder
    for name, value in before.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


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
