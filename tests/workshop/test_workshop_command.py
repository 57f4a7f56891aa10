"""`advisor workshop ...` as a person types it: exit codes, stdout for data, stderr for messages."""

from __future__ import annotations

import json

import pytest
import yaml

from handout_check import parse_handout
from workshop_teams import BLUE, GREEN, RED


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name, answers in (("blue", BLUE), ("red", RED), ("green", GREEN)):
        (tmp_path / f"{name}.yaml").write_text(yaml.safe_dump(answers), encoding="utf-8")
    return tmp_path


def test_new_add_status_export(cli, workdir):
    result = cli("workshop", "new", "Masterclass Zwolle", "--lang", "en")
    assert result.code == 0 and result.out == ""
    assert "Created masterclass-zwolle.workshop.json (en, minimum group size 3)" in result.err
    file = "masterclass-zwolle.workshop.json"
    result = cli("workshop", "add", file, "blue.yaml", "red.yaml", "green.yaml", "--team-from-filename")
    assert result.code == 0 and "3 of 3 answers files added; 0 rejected" in result.err
    status = json.loads(cli("workshop", "status", file, "--format", "json").out)
    assert (status["responses"], status["named"], status["ready"]) == (3, 3, True)
    assert [t["team"] for t in status["teams"]] == ["blue", "red", "green"]
    result = cli("workshop", "export", file, "--format", "html")
    assert result.code == 0 and parse_handout(result.out).errors == []
    result = cli("workshop", "export", file, "--format", "markdown", "--out", "handout.md")
    assert result.code == 0 and result.out == "" and "Handout written to handout.md" in result.err
    assert (workdir / "handout.md").read_text(encoding="utf-8").startswith("# Masterclass Zwolle")


def test_add_reports_bad_files_and_adds_the_others(cli, workdir):
    cli("workshop", "new", "M")
    (workdir / "broken.yaml").write_text("goals: [alignment\nusage: {}\n", encoding="utf-8")
    (workdir / "wrong.yaml").write_text("goals: [alignment]\nusage: {active_share: 120}\n", encoding="utf-8")
    result = cli("workshop", "add", "m.workshop.json", "broken.yaml", "blue.yaml", "wrong.yaml", "missing.yaml", "red.yaml")
    assert result.code == 2
    assert "broken.yaml:2:" in result.err
    assert "wrong.yaml:2:9: usage.active_share:" in result.err
    assert "missing.yaml: no such file" in result.err
    assert "2 of 5 answers files added; 3 rejected" in result.err
    assert json.loads(cli("workshop", "status", "m.workshop.json", "--format", "json").out)["anonymous"] == 2


def test_add_from_standard_input_with_a_team(cli, workdir):
    cli("workshop", "new", "M")
    result = cli("workshop", "add", "m.workshop.json", "-", "--team", "Ops", stdin=yaml.safe_dump(BLUE))
    assert result.code == 0 and "Added response 1 (team Ops)" in result.err
    again = cli("workshop", "add", "m.workshop.json", "blue.yaml", "--team", "ops")
    assert again.code == 2 and "team 'ops' has answered already (response 1)" in again.err and "--replace" in again.err
    assert cli("workshop", "add", "m.workshop.json", "blue.yaml", "--team", "ops", "--replace").code == 0
    usage = cli("workshop", "add", "m.workshop.json", "blue.yaml", "red.yaml", "--team", "x")
    assert usage.code == 2 and "--team names one answers file" in usage.err


def test_settings_remove_and_the_minimum_group_size(cli, workdir):
    cli("workshop", "new", "M", "--min-group-size", "2")
    cli("workshop", "add", "m.workshop.json", "blue.yaml", "red.yaml")
    assert json.loads(cli("workshop", "status", "m.workshop.json", "--format", "json").out)["ready"] is True
    result = cli("workshop", "set", "m.workshop.json", "--min-group-size", "5", "--lang", "nl")
    assert result.code == 0 and "taal nl, minimale groepsgrootte 5" in result.err
    status = cli("workshop", "status", "m.workshop.json")
    assert "Nog 3 inzendingen voordat" in status.out
    export = cli("workshop", "export", "m.workshop.json", "--format", "markdown")
    assert "Minder dan 5 inzendingen (2 tot nu toe)" in export.out
    assert "de hand-out toont de resultaten van de groep niet" in export.err
    number = str(json.loads(cli("workshop", "status", "m.workshop.json", "--format", "json").out)["teams"][0]["number"])
    assert cli("workshop", "remove", "m.workshop.json", number).code == 0
    missing = cli("workshop", "remove", "m.workshop.json", number)
    assert missing.code == 2 and f"geen inzending {number}" in missing.err
    assert cli("workshop", "set", "m.workshop.json").code == 2
    bad = cli("workshop", "new", "N", "--min-group-size", "0")
    assert bad.code == 2 and "must be from 1 to 1000" in bad.err


def test_errors_name_the_file(cli, workdir):
    assert "no such file" in cli("workshop", "status", "nope.workshop.json").err
    result = cli("workshop", "export", "blue.yaml", "--format", "html")
    assert result.code == 2 and "blue.yaml:1:1: not a workshop file" in result.err and "Traceback" not in result.err
    cli("workshop", "new", "M")
    again = cli("workshop", "new", "M")
    assert again.code == 2 and "exists already" in again.err and "--force" in again.err


def test_present_and_collect_need_a_terminal(cli, workdir):
    cli("workshop", "new", "M")
    cli("workshop", "add", "m.workshop.json", "blue.yaml", "red.yaml", "green.yaml", "--team-from-filename")
    present = cli("workshop", "present", "m.workshop.json")
    assert present.code == 2 and "present needs a terminal" in present.err and "--print" in present.err
    collect = cli("workshop", "collect", "m.workshop.json")
    assert collect.code == 2 and "advisor workshop add" in collect.err
    taken = cli("workshop", "collect", "m.workshop.json", "--team", "Blue")
    assert taken.code == 2 and "has answered already" in taken.err  # said before any question


def test_present_print_rehearses_every_screen(cli, workdir, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LINES", "24")
    cli("workshop", "new", "M")
    cli("workshop", "add", "m.workshop.json", "blue.yaml", "red.yaml", "green.yaml", "--team-from-filename")
    result = cli("workshop", "present", "m.workshop.json", "--print")
    assert result.code == 0
    lines = result.out.split("\n")
    assert max(len(line) for line in lines) <= 80
    headers = [line for line in lines if line.startswith(" M · ")]
    assert headers[0].endswith("1/23 ") and headers[-1].endswith("23/23 ") and len(headers) == 23
    assert "Press r" not in result.out  # rehearsal shows every answer


def test_the_file_and_status_keep_no_arrival_order_of_anonymous_responses(cli, workdir):
    """Anonymous answers were listed, in the file and in `status --format json`, in the order
    they came in: whoever saw who answered when could tell whose answers were whose."""
    cli("workshop", "new", "M")
    arrived = []
    for number in range(12):  # one at a time, as people hand them in; each answers 1..12 % apart
        answers = dict(BLUE, usage={"active_share": number + 1}, organisation=None)
        (workdir / "one.yaml").write_text(yaml.safe_dump({k: v for k, v in answers.items() if v is not None}), encoding="utf-8")
        assert cli("workshop", "add", "m.workshop.json", "one.yaml").code == 0
        arrived.append(number + 1)
    data = json.loads((workdir / "m.workshop.json").read_text(encoding="utf-8"))
    listed = [response["answers"]["usage"]["active_share"] for response in data["responses"]]
    assert sorted(listed) == arrived
    # a random number each, and the file sorted by number: arrival order shows with chance 1/12!
    assert listed != arrived
    numbers = [response["number"] for response in data["responses"]]
    assert numbers == sorted(numbers) and numbers != list(range(1, 13))
    assert all(set(response) <= {"number", "answers", "device"} for response in data["responses"])  # no time, no team
    status = json.loads(cli("workshop", "status", "m.workshop.json", "--format", "json").out)
    assert [entry["number"] for entry in status["teams"]] == numbers
    assert all(set(entry) == {"number", "team", "goals"} for entry in status["teams"])


def test_a_named_team_gets_the_lowest_free_number(cli, workdir):
    cli("workshop", "new", "M")
    cli("workshop", "add", "m.workshop.json", "green.yaml")  # anonymous: a random number
    [anonymous] = [r["number"] for r in json.loads(cli("workshop", "status", "m.workshop.json", "--format", "json").out)["teams"]]
    cli("workshop", "add", "m.workshop.json", "blue.yaml", "--team", "Blue")
    teams = json.loads(cli("workshop", "status", "m.workshop.json", "--format", "json").out)["teams"]
    [blue] = [r["number"] for r in teams if r["team"] == "Blue"]
    assert blue == (2 if anonymous == 1 else 1)


def test_a_minimum_group_size_of_one_needs_a_yes_without_a_terminal(cli, workdir):
    cli("workshop", "new", "M")
    refused = cli("workshop", "set", "m.workshop.json", "--min-group-size", "1")
    assert refused.code == 2
    assert "anyone watching can read one person's answers off the screen" in " ".join(refused.err.split())
    assert "--yes" in refused.err
    assert json.loads(cli("workshop", "status", "m.workshop.json", "--format", "json").out)["min_group_size"] == 3
    assert cli("workshop", "set", "m.workshop.json", "--min-group-size", "1", "--yes").code == 0
    assert json.loads(cli("workshop", "status", "m.workshop.json", "--format", "json").out)["min_group_size"] == 1
    assert cli("workshop", "new", "N", "--min-group-size", "1").code == 2 and not (workdir / "n.workshop.json").exists()
    assert cli("workshop", "set", "m.workshop.json", "--min-group-size", "2").code == 0  # only 1 is asked about


@pytest.mark.parametrize(("name", "start"), [("handout.html", "<!DOCTYPE html>"), ("handout.md", "# M"), ("HANDOUT.HTM", "<!DOCTYPE html>")])
def test_export_takes_the_format_from_the_file_name(cli, workdir, name, start):
    cli("workshop", "new", "M")
    cli("workshop", "add", "m.workshop.json", "blue.yaml", "red.yaml", "green.yaml", "--team-from-filename")
    result = cli("workshop", "export", "m.workshop.json", "--out", name)
    assert result.code == 0, result.err
    assert (workdir / name).read_text(encoding="utf-8").startswith(start)
    unknown = cli("workshop", "export", "m.workshop.json", "--out", "handout.pdf")
    assert unknown.code == 2 and "cannot tell the format" in unknown.err and not (workdir / "handout.pdf").exists()
    neither = cli("workshop", "export", "m.workshop.json")
    assert neither.code == 2 and "--format html" in neither.err


def test_collect_takes_another_knowledge_base_as_present_and_export_do(cli):
    from advisor.cli.main import build_parser

    args = build_parser().parse_args(["workshop", "collect", "w.workshop.json", "--findings", "f.yaml", "--rules", "r"])
    assert (args.findings, args.rules) == ("f.yaml", "r")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_status_json_counts_shares_in_the_questionnaires_bands(cli, workdir, lang):
    from advisor.knowledge.load import shipped_knowledge

    cli("workshop", "new", "M", "--lang", lang)
    # a band picked in the questionnaire, and numbers: 0-10 (midpoint 5), 12 and 30
    (workdir / "band.yaml").write_text(yaml.safe_dump({**BLUE, "usage": {**BLUE["usage"], "active_share": "0-10"}}), encoding="utf-8")
    assert cli("workshop", "add", "m.workshop.json", "band.yaml", "red.yaml", "green.yaml").code == 0
    shares = {item["answer"]: item for item in json.loads(cli("workshop", "status", "m.workshop.json", "--format", "json").out)["shares"]}
    question = next(q for q in shipped_knowledge().questions if q.key == "usage.active_share")
    active = shares["usage.active_share"]
    # the same bands as the questionnaire, labelled as it labels them in the workshop's language
    assert [(b["band"], b["label"]) for b in active["bands"]] == [(c.answer, c.label.get(lang)) for c in question.choices]
    assert [b["responses"] for b in active["bands"]] == [1, 1, 1, 0]
    assert active["group"] == "10-25"  # the median of 5, 12 and 30 is 12: the band that holds it
    passive = shares["usage.passive_share"]  # 45 and 80 only: fewer than the minimum of 3, no counts
    assert passive["withheld"] and passive["group"] is None and all("responses" not in b for b in passive["bands"])


def test_the_presenter_and_the_handout_show_the_band_that_holds_the_median(cli, workdir):
    cli("workshop", "new", "M", "--lang", "en")
    for name, share in (("a", "0-10"), ("b", "10-25"), ("c", 30)):
        (workdir / f"{name}.yaml").write_text(yaml.safe_dump({**BLUE, "usage": {**BLUE["usage"], "active_share": share}}), encoding="utf-8")
    assert cli("workshop", "add", "m.workshop.json", "a.yaml", "b.yaml", "c.yaml").code == 0
    handout = cli("workshop", "export", "m.workshop.json", "--format", "markdown").out
    # midpoints 5 and 17.5 and the number 30: the median 17.5 lies in "10 to 25%"
    assert "10 to 25% (the questionnaire's band that holds the median; a band answer counts as its midpoint)" in handout
    assert "17.5" not in handout and "17,5" not in handout
