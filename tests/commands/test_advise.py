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
        "Strategy", "Get more employees posting and reacting", "[gap]", "Evidence (the study)",
        "alignment-active-breadth", "Practice (how organisations commonly do it; not a result of the study)",
        "Caveats", "Correlation, not causation", "Example BV",
    ):
        assert expected in out, expected
    assert out.index("Strategy") < out.index("Recommendations") < out.index("Caveats")
    assert "\x1b[" not in out  # not a terminal: no colour codes


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
