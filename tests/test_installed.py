"""The installed package, not the source tree: a wheel, installed on its own, run elsewhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from samples import EXAMPLE_ANSWERS

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    (path,) = out.glob("*.whl")
    return path


def test_the_wheel_carries_the_knowledge(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "advisor/knowledge/shipped/findings.yaml" in names
    shipped_rules = {Path(n).relative_to("advisor/knowledge/shipped/rules").as_posix() for n in names if n.startswith("advisor/knowledge/shipped/rules/")}
    source_rules = {p.relative_to(ROOT / "rules").as_posix() for p in (ROOT / "rules").rglob("*.yaml")}
    assert shipped_rules == source_rules
    assert "advisor/py.typed" in names
    # the web front end's pages, script and style are served from the package itself
    assert {"advisor/web/templates/step.html", "advisor/web/static/present.js", "advisor/web/static/style.css"} <= set(names)


def test_the_installed_wheel_advises_from_another_directory(wheel, tmp_path):
    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr[-2000:]
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    (workdir / "answers.json").write_text(json.dumps(EXAMPLE_ANSWERS))
    env = {**os.environ, "PYTHONPATH": str(target), "LANG": "C.UTF-8"}
    env.pop("LC_ALL", None)
    result = subprocess.run(
        [sys.executable, "-m", "advisor", "advise", "--answers", "answers.json", "--format", "json"],
        cwd=workdir, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["recommendations"][0]["id"] == "broaden-active-use"
    where = subprocess.run(
        [sys.executable, "-c", "import advisor.knowledge.load as k; print(k.__file__); print(k.default_paths()[0])"],
        cwd=workdir, env=env, capture_output=True, text=True,
    )
    module_file, findings = where.stdout.split()
    assert module_file.startswith(str(target)) and findings.startswith(str(target))


def test_the_console_script_of_this_environment(tmp_path):
    script = Path(sys.executable).parent / "advisor"
    if not script.exists():
        pytest.skip("the advisor console script is not installed in this environment")
    (tmp_path / "answers.yaml").write_text("goals: [efficiency]\nusage: {active_share: 50}\n")
    result = subprocess.run(
        [str(script), "advise", "--answers", "answers.yaml", "--format", "json"],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["recommendations"][0]["status"] == "sustain"
    version = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    assert version.returncode == 0 and version.stdout.startswith("advisor ")
