"""The advisor installs and gives the same advice where durable_rules is unavailable.

A wheel of the project goes into fresh virtual environments without durable_rules:
- on this Python, installed with --no-deps plus every other dependency (pinned to the versions
  here, so pip takes them from its cache);
- on Python 3.13+ when one is on this machine, installed the ordinary way: there the dependency's
  environment marker must leave durable_rules out, and the install must still succeed.
In each, `advisor --version` names the Python engine, and `advisor advise` and `advisor batch`
give advice byte-identical to durable_rules' advice in this process.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
import zipfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

from advisor.check.grid import combinations
from advisor.render.json import dumps
from advisor.reasoning.pipeline import advise
from advisor.knowledge.load import shipped_knowledge
from samples import EXAMPLE_ANSWERS

ROOT = Path(__file__).resolve().parents[1]
PIP = ("-m", "pip", "--disable-pip-version-check", "--no-input", "--quiet")


def run(*argv, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"}
    for name in ("LC_ALL", "PYTHONPATH", "ADVISOR_ENGINE", "VIRTUAL_ENV"):
        env.pop(name, None)
    result = subprocess.run([str(a) for a in argv], capture_output=True, text=True, env=env, **kwargs)
    assert result.returncode == 0, f"{argv}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    run(sys.executable, *PIP, "wheel", "--no-deps", "--wheel-dir", out, ROOT)
    (path,) = out.glob("*.whl")
    return path


@pytest.fixture(scope="module")
def cases(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A JSON-lines file of answers (the example and a spread of the grid) and, per row id, the
    advice durable_rules gives here (the Python engine where durable_rules is missing here too)."""
    pytest.importorskip("durable.engine", reason="the comparison needs durable_rules in this environment")
    knowledge = shipped_knowledge()
    grid = list(combinations(knowledge))
    chosen = [EXAMPLE_ANSWERS] + grid[:: max(1, len(grid) // 150)]
    path = tmp_path_factory.mktemp("cases") / "answers.jsonl"
    expected = {}
    with path.open("w", encoding="utf-8") as handle:
        for number, answers in enumerate(chosen):
            lang = ("en", "nl")[number % 2]
            handle.write(json.dumps({"id": f"case-{number}", "lang": lang, "answers": answers}) + "\n")
            expected[f"case-{number}"] = dumps(advise(answers, lang=lang, engine="durable").model_dump(mode="json"))
    return path, expected


def dependencies_without_durable(pinned: bool) -> list[str]:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    found = []
    for requirement in declared:
        name = re.split(r"[ ;<>=!~\[]", requirement, maxsplit=1)[0]
        if name.lower().replace("_", "-") == "durable-rules":
            continue
        try:
            found.append(f"{name}=={version(name)}" if pinned else requirement)
        except PackageNotFoundError:
            found.append(requirement)
    return found


def fresh_venv(python: str | Path, where: Path) -> Path:
    run(python, "-m", "venv", where)
    return where / ("Scripts" if os.name == "nt" else "bin")


def check_advisor(bin_dir: Path, cases: tuple[Path, dict[str, str]], workdir: Path) -> None:
    python = bin_dir / "python"
    probe = subprocess.run([python, "-c", "import durable.engine"], capture_output=True)
    assert probe.returncode != 0, "durable_rules is importable in the fresh environment"
    assert "engine: python" in run(bin_dir / "advisor", "--version").stdout
    answers_file, expected = cases
    (workdir / "answers.json").write_text(json.dumps(EXAMPLE_ANSWERS), encoding="utf-8")
    advised = run(bin_dir / "advisor", "advise", "--answers", "answers.json", "--format", "json", cwd=workdir)
    assert advised.stdout == expected["case-0"]
    run(bin_dir / "advisor", "batch", answers_file, "--out", workdir / "advice", "--quiet", cwd=workdir)
    summary = json.loads((workdir / "advice" / "summary.json").read_text(encoding="utf-8"))
    assert summary["engine"] == "python" and summary["advised"] == len(expected) and summary["invalid"] == 0
    for row_id, text in expected.items():
        assert (workdir / "advice" / f"{row_id}.json").read_text(encoding="utf-8") == text, row_id


def test_the_wheel_ships_the_schemas(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    shipped = sorted(n for n in names if n.startswith("advisor/schema/json/"))
    assert shipped == sorted(f"advisor/schema/json/{p.name}" for p in (ROOT / "advisor" / "schema" / "json").glob("*.schema.json"))


def test_durable_rules_is_required_only_where_it_installs(wheel):
    from packaging.requirements import Requirement

    names = zipfile.ZipFile(wheel).namelist()
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    (durable,) = [
        Requirement(line.split(":", 1)[1].strip())
        for line in metadata.splitlines()
        if line.startswith("Requires-Dist: durable-rules") and "extra ==" not in line
    ]

    def required(python: str, system: str) -> bool:
        return durable.marker.evaluate({"python_version": python, "platform_system": system, "extra": ""})

    assert required("3.11", "Linux") and required("3.12", "Darwin")
    assert not required("3.13", "Linux") and not required("3.14", "Darwin") and not required("3.12", "Windows")


@pytest.mark.full_only
def test_a_fresh_environment_without_durable_rules_gives_the_same_advice(wheel, cases, tmp_path):
    bin_dir = fresh_venv(sys.executable, tmp_path / "venv")
    run(bin_dir / "python", *PIP, "install", "--no-deps", wheel)
    run(bin_dir / "python", *PIP, "install", *dependencies_without_durable(pinned=True))
    workdir = tmp_path / "work"
    workdir.mkdir()
    check_advisor(bin_dir, cases, workdir)


def newer_python() -> str | None:
    """A Python 3.13+ on this machine, if any (on PATH, or installed by pyenv)."""
    candidates = [f"python3.{minor}" for minor in range(20, 12, -1)]
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    candidates += sorted((str(p) for p in pyenv.glob("3.1[3-9]*/bin/python3")), reverse=True)
    for candidate in candidates:
        try:
            probe = subprocess.run([candidate, "-c", "import sys; print(sys.version_info >= (3, 13))"], capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if probe.returncode == 0 and probe.stdout.strip() == "True":
            return candidate
    return None


@pytest.mark.full_only
def test_an_ordinary_install_on_python_3_13_leaves_durable_rules_out(wheel, cases, tmp_path):
    python = newer_python()
    if python is None:
        pytest.skip("no Python 3.13 or newer on this machine")
    bin_dir = fresh_venv(python, tmp_path / "venv")
    run(bin_dir / "python", *PIP, "install", wheel)  # resolves the dependencies, markers and all
    listed = run(bin_dir / "python", "-m", "pip", "list", "--format", "json", "--disable-pip-version-check").stdout
    assert "durable" not in {item["name"].lower().split("-")[0] for item in json.loads(listed)}
    workdir = tmp_path / "work"
    workdir.mkdir()
    check_advisor(bin_dir, cases, workdir)


@pytest.fixture
def durable_broken(monkeypatch):
    """This process, as if durable_rules failed to import (as on Python 3.13)."""
    import advisor.engine.choice as engines

    for name in ("durable", "durable.engine", "durable_rules_engine"):
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setattr(engines, "_durable_importable", None)
    monkeypatch.delenv("ADVISOR_ENGINE", raising=False)
    return engines


def test_where_durable_rules_does_not_import_the_python_engine_takes_over(durable_broken, knowledge_copy, cli, write_yaml):
    from advisor.knowledge.load import load_knowledge

    assert not durable_broken.durable_available()
    assert "engine: python (durable_rules not available)" in cli("--version").out
    knowledge = load_knowledge(knowledge_copy / "findings.yaml", knowledge_copy / "rules")  # no engine made yet
    assert advise(EXAMPLE_ANSWERS, knowledge=knowledge) == advise(EXAMPLE_ANSWERS, engine="python")
    result = cli("batch", str(write_yaml(EXAMPLE_ANSWERS, "answers.yaml").parent), "--out", str(knowledge_copy / "out"), "--engine", "durable")
    assert result.code == 2
    assert "durable_rules cannot be imported" in result.err and "--engine python" in result.err


def test_the_engine_can_be_chosen_by_environment(monkeypatch, cli):
    monkeypatch.setenv("ADVISOR_ENGINE", "python")
    assert "engine: python (ADVISOR_ENGINE=python)" in cli("--version").out
    from advisor.reasoning.pipeline import advisor_for

    assert advisor_for(shipped_knowledge()).engine.name == "python"
    monkeypatch.setenv("ADVISOR_ENGINE", "fast")
    result = cli("serve", "--stdio", stdin="")
    assert result.code == 2 and "unknown engine 'fast'" in result.err
