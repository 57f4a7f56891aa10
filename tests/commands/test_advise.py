"""`advisor advise` as a user runs it: formats, languages, standard input, exit codes."""

from __future__ import annotations

import json

import pytest

from samples import EXAMPLE_ANSWERS


def test_json_output_is_the_advice_contract(cli, write_yaml):
    result = cli("advise", "--answers", str(write_yaml(EXAMPLE_ANSWERS)), "--format", "json")
    assert result.code == 0, result.err
    advice = json.loads(result.out)
    assert set(advice) == {
        "schema_version", "knowledge_version", "lang", "goals", "strategy",
        "recommendations", "warnings", "caveats", "unknowns", "trace",
    }
    assert advice["goals"] == ["alignment", "engagement"]
    first = advice["recommendations"][0]
    assert set(first) == {"id", "priority", "title", "summary", "goals", "levers", "status", "basis", "evidence", "practice", "rules"}
    assert first["priority"] == 1 and first["status"] == "gap" and first["basis"] == "finding"
    assert set(first["evidence"][0]) >= {"finding", "construct", "usage", "relation", "inferred", "summary", "quote", "note"}
    assert advice["recommendations"][-1]["id"] == "open-strategy-dialogue"  # an authors' conclusion comes last
    assert advice["recommendations"][-1]["basis"] == "conclusion"
    assert all(tactic["basis"] == "practice" for rec in advice["recommendations"] for tactic in rec["practice"])
    assert "correlation-not-causation" in [c["id"] for c in advice["caveats"]]
    assert result.err == ""


def test_same_answers_give_byte_identical_json(cli, write_yaml):
    path = str(write_yaml(EXAMPLE_ANSWERS))
    first = cli("advise", "--answers", path, "--format", "json").out
    again = cli("advise", "--answers", path, "--format", "json").out
    assert first == again and first.endswith("\n")


def test_json_answers_on_standard_input(cli):
    result = cli("advise", "--answers", "-", "--format", "json", stdin=json.dumps(EXAMPLE_ANSWERS))
    assert result.code == 0, result.err
    assert json.loads(result.out)["goals"] == ["alignment", "engagement"]


def test_text_report_shows_strategy_recommendations_evidence_practice_caveats(cli, write_yaml):
    result = cli("advise", "--answers", str(write_yaml(EXAMPLE_ANSWERS)))
    assert result.code == 0, result.err
    out = result.out
    for expected in (
        "Strategy", "Get more employees posting and reacting", "falls short", "Evidence (the study)",
        "Practice (how organisations commonly do it; not a result of the study)",
        "Caveats", "Correlation, not causation", "Example BV",
    ):
        assert expected in out, expected
    assert out.index("In short") < out.index("Strategy") < out.index("Recommendations") < out.index("Caveats")
    assert "\x1b[" not in out  # not a terminal: no colour codes
    assert "alignment-active-breadth" not in out and "[gap]" not in out


def test_quotes_flag_shows_the_dutch_source(cli, write_yaml):
    path = str(write_yaml(EXAMPLE_ANSWERS))
    assert "verbondenheid" not in cli("advise", "--answers", path).out
    assert "verbondenheid" in cli("advise", "--answers", path, "--quotes").out


def test_markdown_output(cli, write_yaml):
    result = cli("advise", "--answers", str(write_yaml(EXAMPLE_ANSWERS)), "--format", "markdown")
    assert result.code == 0
    assert result.out.startswith("# Adoption strategy")
    assert "### 1. Get more employees posting and reacting" in result.out
    assert "> Het blijkt dat" in result.out  # the source quote under its finding


def test_dutch_by_flag_and_by_locale(cli, write_yaml, monkeypatch):
    path = str(write_yaml(EXAMPLE_ANSWERS))
    dutch = json.loads(cli("advise", "--answers", path, "--format", "json", "--lang", "nl").out)
    assert dutch["lang"] == "nl"
    assert dutch["recommendations"][0]["title"] == "Laat meer medewerkers posten en reageren"
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    assert json.loads(cli("advise", "--answers", path, "--format", "json").out)["lang"] == "nl"
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert json.loads(cli("advise", "--answers", path, "--format", "json").out)["lang"] == "en"
    text = cli("advise", "--answers", path, "--lang", "nl").out
    assert "Strategie" in text and "Praktijk" in text


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("goals: [alignment]\nusage: {active_share: 120}\n", "answers.yaml:2:9: usage.active_share"),
        ("goals: [alignment]\nusage: {active_frequency: no}\n", "put the text in quotes"),
        ("goals: []\nusage: {}\n", "decide the intended effect first"),
        ("goals: [alignment, alignment]\nusage: {}\n", "goal listed more than once"),
        ("goals: [happiness]\nusage: {}\n", "goals[0]"),
        ("usage: {}\n", "goals: required field is missing"),
        ("goals: [alignment]\nusage: {}\ncolour: red\n", "answers.yaml:3:1: colour: unknown field"),
        ("goals: [alignment]\nusage: {}\nusage: {}\n", "duplicate key 'usage'"),
        ("goals: [alignment\n", "answers.yaml:2:1"),
        ("- just\n- a list\n", "expected a mapping"),
        ("", "empty document"),
    ],
)
def test_bad_answers_give_one_clear_error_and_exit_2(cli, write_yaml, content, expected):
    result = cli("advise", "--answers", str(write_yaml(content)))
    assert result.code == 2
    assert result.out == ""
    assert expected in result.err, result.err
    assert result.err.startswith("advisor: error: ")
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    ("content", "hint"),
    [
        ("goals: [alignment]\nusage: {}\ncolour: red\n", "the fields here: goals, usage, purposes, organisation"),
        ("usage: {}\n", "add the goals, most important first, e.g. goals: [engagement]"),
        ("", "give at least the goals, e.g. goals: [engagement]"),
    ],
)
def test_hints_name_a_command_not_a_file_an_installed_advisor_lacks(cli, write_yaml, content, hint):
    """pip users have no README: a hint says what to write, or the command that shows it."""
    err = cli("advise", str(write_yaml(content))).err
    assert "README" not in err
    assert f"hint: {hint}" in err


def test_every_problem_is_reported_sorted_by_line(cli, write_yaml):
    content = "goals: [alignment]\nusage:\n  passive_share: -1\n  active_share: 101\nextra: 1\n"
    err = cli("advise", "--answers", str(write_yaml(content))).err
    lines = [line for line in err.splitlines() if "answers.yaml:" in line]
    assert [line.split("answers.yaml:")[1].split(":")[0] for line in lines] == ["3", "4", "5"]


def test_missing_file_and_usage_errors_exit_2(cli):
    missing = cli("advise", "--answers", "no-such-file.yaml")
    assert missing.code == 2 and "no such file" in missing.err
    no_answers = cli("advise")
    assert no_answers.code == 2 and "--answers" in no_answers.err
    unknown = cli("frobnicate")
    assert unknown.code == 2 and "invalid choice" in unknown.err


def test_internal_error_exits_1_with_a_short_message_and_traceback_only_on_debug(cli, write_yaml, monkeypatch):
    import advisor.reasoning.pipeline

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(advisor.reasoning.pipeline.Advisor, "advise", broken)
    path = str(write_yaml(EXAMPLE_ANSWERS))
    plain = cli("advise", "--answers", path)
    assert plain.code == 1
    assert "internal error: RuntimeError: boom" in plain.err and "Traceback" not in plain.err
    debug = cli("advise", "--answers", path, "--debug")
    assert debug.code == 1 and "Traceback" in debug.err


def test_ctrl_c_exits_130(cli, write_yaml, monkeypatch):
    import advisor.reasoning.pipeline

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(advisor.reasoning.pipeline.Advisor, "advise", interrupted)
    result = cli("advise", "--answers", str(write_yaml(EXAMPLE_ANSWERS)))
    assert result.code == 130 and "interrupted" in result.err


def test_custom_knowledge_paths(cli, write_yaml, knowledge_copy):
    path = str(write_yaml(EXAMPLE_ANSWERS))
    result = cli(
        "advise", "--answers", path, "--format", "json",
        "--findings", str(knowledge_copy / "findings.yaml"), "--rules", str(knowledge_copy / "rules"),
    )
    assert result.code == 0, result.err
    broken = knowledge_copy / "findings.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("relation: positive", "relation: strong", 1))
    result = cli("advise", "--answers", path, "--findings", str(broken), "--rules", str(knowledge_copy / "rules"))
    assert result.code == 2
    assert "findings.yaml:" in result.err and "findings[0].relation" in result.err


def test_both_engines_give_the_same_json(cli, write_yaml):
    path = str(write_yaml(EXAMPLE_ANSWERS))
    durable = cli("advise", "--answers", path, "--format", "json", "--engine", "durable")
    python = cli("advise", "--answers", path, "--format", "json", "--engine", "python")
    assert durable.code == python.code == 0
    assert durable.out == python.out
    assert cli("advise", "--answers", path, "--engine", "prolog").code == 2


def test_html_output_is_one_self_contained_page(cli, write_yaml):
    from html.parser import HTMLParser

    class Collect(HTMLParser):
        def __init__(self):
            super().__init__()
            self.open, self.tags, self.attributes = [], [], []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)
            self.attributes += [name for name, _ in attrs]
            if tag not in ("meta", "br", "hr", "img", "link", "input"):
                self.open.append(tag)

        def handle_endtag(self, tag):
            assert self.open and self.open.pop() == tag, f"unbalanced </{tag}>"

    result = cli("advise", "--answers", str(write_yaml(EXAMPLE_ANSWERS)), "--format", "html", "--lang", "nl")
    assert result.code == 0, result.err
    parser = Collect()
    parser.feed(result.out)
    assert parser.open == []
    assert {"script", "img", "link"}.isdisjoint(parser.tags)
    assert {"src", "href"}.isdisjoint(parser.attributes)
    assert "http" not in result.out and '<html lang="nl">' in result.out
    assert result.out.count('class="rec"') == 4 and "Het blijkt dat" in result.out


def test_the_answers_file_by_name_as_diff_and_batch_take_it(cli, write_yaml):
    path = str(write_yaml(EXAMPLE_ANSWERS))
    named = cli("advise", path, "--format", "json")
    assert named.code == 0, named.err
    assert named.out == cli("advise", "--answers", path, "--format", "json").out
    assert cli("explain", path).code == 0 and cli("whatif", path, "--set", "usage.active_share=30").code == 0
    both = cli("advise", path, "--answers", str(write_yaml(EXAMPLE_ANSWERS, "other.yaml")))
    assert both.code == 2 and "two answers files" in both.err


@pytest.mark.parametrize(("name", "start"), [
    ("advice.md", "# Adoption strategy"), ("advice.html", "<!DOCTYPE html>"), ("advice.json", "{"), ("advice.txt", "─"),
])
def test_out_writes_the_report_in_the_format_its_extension_names(cli, write_yaml, tmp_path, name, start):
    result = cli("advise", str(write_yaml(EXAMPLE_ANSWERS)), "--out", str(tmp_path / name))
    assert result.code == 0 and result.out == "", result.err
    text = (tmp_path / name).read_text(encoding="utf-8")
    assert text.startswith(start)
    assert "\x1b" not in text
    if name.endswith(".json"):
        assert json.loads(text) == json.loads(cli("advise", str(tmp_path / "answers.yaml"), "--format", "json").out)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_out_with_an_unknown_extension_writes_nothing(cli, write_yaml, tmp_path):
    result = cli("advise", str(write_yaml(EXAMPLE_ANSWERS)), "--out", str(tmp_path / "advice.pdf"))
    assert result.code == 2 and "cannot tell the format from the extension '.pdf'" in result.err
    assert not (tmp_path / "advice.pdf").exists()
    forced = cli("advise", str(tmp_path / "answers.yaml"), "--out", str(tmp_path / "advice.pdf"), "--format", "markdown")
    assert forced.code == 0 and (tmp_path / "advice.pdf").read_text(encoding="utf-8").startswith("# Adoption")


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_every_report_says_what_it_is_based_on_and_starts_with_what_to_do(cli, write_yaml, fmt):
    import datetime
    import re

    out = cli("advise", str(write_yaml(EXAMPLE_ANSWERS)), "--format", fmt).out
    text = " ".join(re.sub(r"<[^>]+>|\*\*|_", " ", out).replace("&#x27;", "'").split()).replace(" :", ":")
    advice = json.loads(cli("advise", str(write_yaml(EXAMPLE_ANSWERS)), "--format", "json").out)
    top = [rec["title"] for rec in advice["recommendations"][:3]]
    short = text[text.index("In short") : text.index("Strategy")]
    assert [short.index(title) for title in top] == sorted(short.index(title) for title in top)
    assert "Your goals: 1. Alignment with the strategy, 2. Engagement" in short
    assert advice["recommendations"][3]["title"] not in short  # three, not more
    today = datetime.date.today()
    assert f"{today.day} {today.strftime('%B')} {today.year}" in text
    assert "Evolve" in text and "106 organisations" in text
    assert "Your usage now, against what your goals call for" in text
    based_on = text[text.index("What this advice is based on") :]
    assert "Share of employees posting or reacting: 8%" in based_on
    assert "Correlation, not causation" in text


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_reports_for_people_name_rules_and_findings_only_with_details(cli, write_yaml, fmt):
    path = str(write_yaml(EXAMPLE_ANSWERS))
    advice = json.loads(cli("advise", path, "--format", "json").out)
    ids = {rule for rec in advice["recommendations"] for rule in rec["rules"]}
    ids |= {e["finding"] for item in advice["recommendations"] + advice["warnings"] + advice["caveats"] for e in item["evidence"]}
    plain = cli("advise", path, "--format", fmt).out
    detailed = cli("advise", path, "--format", fmt, "--details").out
    for jargon in sorted(ids) + [advice["knowledge_version"], " × "]:
        assert jargon not in plain, jargon
        assert jargon in detailed, jargon
    for word in ("[gap]", "[sustain]"):
        assert word not in plain and word not in detailed
    assert "falls short" in plain and "already strong" in plain
    assert "Rests on an authors' conclusion, not on a measured relation." in plain.replace("&#x27;", "'")
