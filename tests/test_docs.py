"""The front door and the docs hold true: the README's example gives the advice it describes,
the Python example runs as it stands, every command shown exists, every link resolves, and the
README's test command is what CI runs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = {path: path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs").glob("*.md"))}
PAGES = {ROOT / "README.md": README, **DOCS}


def test_the_front_door_is_short():
    assert len(README.splitlines()) <= 160


def test_the_readme_example_gets_the_advice_it_describes(tmp_path, cli):
    block = README.split("```yaml\n# answers.yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "answers.yaml").write_text(block, encoding="utf-8")
    result = cli("advise", "--answers", str(tmp_path / "answers.yaml"), "--format", "json")
    assert result.code == 0, result.err
    advice = json.loads(result.out)
    titles = [rec["title"] for rec in advice["recommendations"]]
    assert titles == [
        "Get more employees posting and reacting",
        "Reach more readers",
        "Keep those who post doing so often",
        "Hold the conversation about the strategy on the platform",
    ]
    assert advice["recommendations"][-1]["basis"] == "conclusion"
    assert {c["id"] for c in advice["caveats"]} >= {"correlation-not-causation", "goal-first", "reading-not-shown-alignment"}


def test_the_runnable_api_example_runs(tmp_path):
    page = DOCS[ROOT / "docs" / "python-api.md"]
    block = page.split("More of it, runnable as it stands:", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    result = subprocess.run([sys.executable, "-c", block], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("broaden-active-use | ")
    assert "usage.active_share - a share is a percentage" in result.stdout


@pytest.mark.parametrize("page", list(PAGES), ids=lambda path: path.name)
def test_every_command_shown_exists(page, cli):
    from advisor.cli.main import COMMANDS

    shown = set(re.findall(r"^\s*(?:\$ )?advisor ([a-z]+)\b", PAGES[page], flags=re.M))
    assert shown <= set(COMMANDS), sorted(shown - set(COMMANDS))
    for name in sorted(shown):
        assert cli(name, "--help").code == 0, name


@pytest.mark.parametrize("page", list(PAGES), ids=lambda path: path.name)
def test_every_link_resolves(page):
    for target in re.findall(r"\]\(([^)\s]+)\)", PAGES[page]):
        if re.match(r"[a-z]+:", target):  # a web address
            continue
        path, _, anchor = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        assert file.exists(), f"{page.name}: {target}"
        if anchor and file.suffix == ".md":
            headings = re.findall(r"^#+ (.+)$", file.read_text(encoding="utf-8"), flags=re.M)
            slugs = {re.sub(r"[^\w\- ]", "", h.lower()).strip().replace(" ", "-") for h in headings}
            assert anchor in slugs, f"{page.name}: {target}"


def test_every_doc_is_reachable_from_the_index():
    index = DOCS[ROOT / "docs" / "README.md"]
    for path in DOCS:
        if path.name != "README.md":
            assert f"]({path.name})" in index, path.name


def test_the_test_command_is_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 -m venv .venv && .venv/bin/pip install '.[test]' && .venv/bin/pytest --full\n" in README
    assert "\"$python\" -m venv \"$venv\" && \"$venv/bin/pip\" install --quiet '.[test]' && \"$venv/bin/pytest\" --full\n" in ci


def test_the_workshop_csv_example_adds_its_rows(tmp_path, cli, monkeypatch):
    page = DOCS[ROOT / "docs" / "workshops.md"]
    block = page.split("**Answers from a form tool.**", 1)[1].split("```csv\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "survey.csv").write_text(block, encoding="utf-8")
    cli("workshop", "new", "Masterclass Zwolle")
    result = cli("workshop", "add", "masterclass-zwolle.workshop.json", "survey.csv")
    assert result.code == 0, result.err
    assert f"Added {len(block.splitlines()) - 1} responses from survey.csv" in result.err
