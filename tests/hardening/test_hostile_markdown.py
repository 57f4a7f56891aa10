"""User text in every Markdown output (advise --format markdown, batch's advice files and
summary.md, the workshop handout) is escaped as the HTML outputs escape it: shown as written,
never HTML, a link or an image."""

from __future__ import annotations

import json

import yaml
from hostile_markdown import HOSTILE_TEXT, assert_inert_markdown


def test_advise_markdown_escapes_the_organisation_name(cli, write_yaml):
    answers = write_yaml({"goals": ["engagement"], "usage": {"passive_share": 30}, "organisation": {"name": HOSTILE_TEXT[:200]}})
    result = cli("advise", "--answers", str(answers), "--format", "markdown")
    assert result.code == 0, result.err
    assert "&lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1))" in assert_inert_markdown(result.out)  # as text


def test_batch_markdown_escapes_names_fields_and_the_input(cli, tmp_path):
    folder = tmp_path / "x](javascript:alert(1)) <img src=x onerror=alert(1)>"
    folder.mkdir()
    good = {"id": "a", "answers": {"goals": ["engagement"], "usage": {}, "organisation": {"name": HOSTILE_TEXT[:200]}}}
    bad = {"goals": ["engagement"], "usage": {}, HOSTILE_TEXT: 1}
    requests = folder / "requests.jsonl"
    requests.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert cli("batch", str(requests), "--out", str(out), "--format", "markdown", "--quiet").code == 0
    summary = (out / "summary.md").read_text(encoding="utf-8")
    assert "onerror" in summary  # the field and the input are named, as text
    assert_inert_markdown(summary)
    assert_inert_markdown((out / "a.md").read_text(encoding="utf-8"))


def test_the_workshop_handout_escapes_workshop_and_team_names(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert cli("workshop", "new", "<img src=x onerror=alert(1)> [w](javascript:x)", "--min-group-size", "1", "--yes").code == 0
    [workshop] = tmp_path.glob("*.workshop.json")
    answers = tmp_path / "a.yaml"
    answers.write_text(yaml.safe_dump({"goals": ["engagement"], "usage": {"passive_share": 30}}), encoding="utf-8")
    assert cli("workshop", "add", str(workshop), str(answers), "--team", "![t](http://evil.example/t.png) <b>|").code == 0
    result = cli("workshop", "export", str(workshop), "--format", "markdown")
    assert result.code == 0, result.err
    assert "onerror" in result.out and "evil.example" in result.out
    assert_inert_markdown(result.out)
