"""Bad input to `advisor measure`: a clear message with the file, row and column, exit 2 and no
traceback; single unreadable rows are left out, counted and reported while the run goes on, but
not when more than 5% of the rows are unreadable."""

from __future__ import annotations

import gzip
import json

import pytest
from measure_exports import VIVA_ENGAGE_HEADER, concealed, slack_day, teams, viva_engage, viva_engage_json, write

# Twenty readable rows: 10 posted once and read twice, 10 only read once.
TWENTY = [(f"P{i}", "Activated", 1 if i < 10 else 0, 2 if i < 10 else 1, 0) for i in range(20)]


def refused(result, *parts: str) -> str:
    assert result.code == 2, (result.out, result.err)
    assert result.out == ""
    assert "Traceback" not in result.err and "\x1b" not in result.err
    for part in parts:
        assert part in result.err, result.err
    return result.err


def with_cell(path, row: int, column: str, value: str):
    """Set one cell of a written Viva Engage CSV (row 1 is the first data row)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    columns = lines[0].split(",")
    cells = lines[row].split(",")
    cells[columns.index(column)] = value
    lines[row] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_file_in_no_known_format_names_the_columns_of_each(cli, tmp_path):
    path = write(tmp_path / "people.csv", "Name,Department\nAnna,HR\n")
    err = refused(cli("measure", str(path)), "people.csv: not a usage export the advisor knows (its columns: Name, Department)")
    for expected in (
        "Viva Engage activity user detail (CSV: admin centre export or Graph download): Posted Count, Read Count, Liked Count, "
        "User Principal Name, User State, Report Refresh Date, Report Period",
        "Teams user activity user detail (CSV): Post Messages, Reply Messages",
        "Slack member analytics",
        "messages_posted_count, is_active",
        "postedCount, readCount, likedCount",
        "--columns posted=COLUMN,read=COLUMN[,liked=COLUMN,user=COLUMN,days=N]",
    ):
        assert expected in err


@pytest.mark.parametrize(
    "column, value, message",
    [
        ("Posted Count", "abc", "Posted Count: row 7: not a number: 'abc'"),
        ("Read Count", "", "Read Count: row 7: missing"),
        ("Liked Count", "-3", "Liked Count: row 7: a negative count: -3"),
        ("Posted Count", "2.5", "Posted Count: row 7: not a whole number: '2.5'"),
        ("User State", "Pending", "User State: row 7: unknown user state 'Pending'; expected Activated, Deleted or Suspended"),
        ("Report Period", "thirty", "Report Period: row 7: a period that cannot be read: 'thirty'"),
        ("Report Refresh Date", "31/05/2024", "Report Refresh Date: row 7: a date that cannot be read: '31/05/2024'"),
    ],
)
def test_one_bad_row_is_left_out_and_reported_and_the_run_goes_on(cli, tmp_path, column, value, message):
    path = with_cell(viva_engage(tmp_path / "engage.csv", TWENTY), 7, column, value)
    result = cli("measure", str(path), "--format", "json")
    assert result.code == 0, result.err
    # the header is line 1, so data row 7 is on line 8
    assert f"advisor: warning: engage.csv:8: {message}" in result.err
    assert "hint: the row is left out; the run goes on" in result.err
    assert "1 of 20 rows could not be read and were left out (5%); the run goes on (it stops above 5%)" in result.err
    assert "Traceback" not in result.err
    data = json.loads(result.out)
    assert data["measured"]["people"]["bad_rows"] == 1 and data["measured"]["people"]["rows"] == 20
    # Row 7 (P6: posted 1, read 2) is left out: 9 of 19 posted = 47.37%, 19 of 19 read = 100%.
    assert data["usage"]["active_share"] == 47.37 and data["usage"]["passive_share"] == 100
    assert any("1 rows could not be read" in note for note in data["measured"]["notes"])


def test_more_than_five_percent_bad_rows_stop_the_run(cli, tmp_path):
    path = viva_engage(tmp_path / "engage.csv", TWENTY)
    with_cell(path, 3, "Posted Count", "x")
    with_cell(path, 12, "User State", "Unknown")
    err = refused(
        cli("measure", str(path), "--out", str(tmp_path / "m.yaml")),
        "2 of 20 rows (10%) could not be read: more than 5%, so the run stops and nothing was measured",
        "engage.csv:4: Posted Count: row 3: not a number: 'x'",
        "engage.csv:13: User State: row 12: unknown user state 'Unknown'",
    )
    assert "the run goes on" not in err
    assert not (tmp_path / "m.yaml").exists()  # nothing half-written


def test_a_row_with_a_cell_too_many_is_bad(cli, tmp_path):
    path = viva_engage(tmp_path / "engage.csv", TWENTY)
    lines = path.read_text().splitlines()
    lines[5] += ",extra"
    path.write_text("\n".join(lines) + "\n")
    result = cli("measure", str(path))
    assert result.code == 0
    assert "engage.csv:6: row 5: has 12 cells; the header has 11" in result.err


def test_a_bad_item_of_graph_json_is_named_by_its_place(cli, tmp_path):
    people = [(name, "active", p, r, l) for name, _, p, r, l in TWENTY]
    path = viva_engage_json(tmp_path / "engage.json", people)
    document = json.loads(path.read_text())
    document["value"][4]["readCount"] = "many"
    path.write_text(json.dumps(document))
    result = cli("measure", str(path))
    assert result.code == 0, result.err
    assert "engage.json: value[4].readCount: row 5: not a number: 'many'" in result.err


def test_a_bad_line_of_slack_is_named_by_its_line(cli, tmp_path):
    members = [(f"U{i}", False, True, i % 2, 0) for i in range(40)]  # 2 bad lines of 40: 5%
    path = slack_day(tmp_path / "member.json", "2024-05-01", members, gz=False)
    lines = path.read_text().splitlines()
    lines[2] = lines[2].replace('"messages_posted_count": 0', '"messages_posted_count": -1')
    lines[9] = "{not json"
    path.write_text("\n".join(lines) + "\n")
    result = cli("measure", str(path))
    assert result.code == 0, result.err
    assert "member.json:3: messages_posted_count: row 3: a negative count: -1" in result.err
    assert "member.json:10: row 10: not valid JSON" in result.err


def test_files_of_different_periods_are_refused(cli, tmp_path):
    month = viva_engage(tmp_path / "month.csv", TWENTY, period="30")
    week = viva_engage(tmp_path / "week.csv", TWENTY, period="7")
    refused(
        cli("measure", str(month), str(week)),
        "week.csv: exports of different periods: month.csv covers 30 days to 2024-05-31, week.csv covers 7 days to 2024-05-31",
        "hint: measure one period at a time",
    )
    later = viva_engage(tmp_path / "later.csv", TWENTY, refresh="2024-06-30")
    refused(cli("measure", str(month), str(later)), "exports of different periods")


def test_daily_files_and_a_period_export_are_refused_together(cli, tmp_path):
    month = viva_engage(tmp_path / "month.csv", TWENTY)
    day = viva_engage(tmp_path / "engage-2024-05-03.csv", TWENTY, period="1")
    refused(cli("measure", str(month), str(day)), "daily files and period exports together")


def test_two_files_of_one_day_are_refused(cli, tmp_path):
    first = viva_engage(tmp_path / "a-2024-05-03.csv", TWENTY, period="1")
    second = viva_engage(tmp_path / "b-2024-05-03.csv", TWENTY, period="1")
    refused(cli("measure", str(first), str(second)), "two files cover the same day, 2024-05-03")


def test_two_slack_files_of_one_day_are_refused(cli, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    members = [(f"U{i}", False, True, 1, 0) for i in range(3)]
    first = slack_day(tmp_path / "a" / "member.json.gz", "2024-05-03", members)
    second = slack_day(tmp_path / "b" / "member.json.gz", "2024-05-03", members)
    refused(cli("measure", str(first), str(second)), "two files cover the same day, 2024-05-03")


def test_daily_files_of_more_than_a_month_are_refused(cli, tmp_path):
    first = viva_engage(tmp_path / "engage-2024-05-01.csv", TWENTY, period="1")
    second = viva_engage(tmp_path / "engage-2024-06-15.csv", TWENTY, period="1")
    refused(cli("measure", str(first), str(second)), "daily files of more than one month: 2024-05-01 to 2024-06-15")


def test_files_of_different_platforms_are_refused(cli, tmp_path):
    engage = viva_engage(tmp_path / "engage.csv", TWENTY)
    channel = teams(tmp_path / "teams.csv", [("Tom", "False", 1, 0, 0)])
    refused(cli("measure", str(engage), str(channel)), "exports of different platforms: engage.csv is Viva Engage", "teams.csv is Teams")


def test_the_same_file_twice_is_refused(cli, tmp_path):
    engage = viva_engage(tmp_path / "engage.csv", TWENTY)
    refused(cli("measure", str(engage), str(engage)), "the same file is given twice")


def test_an_empty_export_is_refused_not_a_zero_share(cli, tmp_path):
    header_only = write(tmp_path / "empty.csv", VIVA_ENGAGE_HEADER + "\n")
    refused(cli("measure", str(header_only)), "no people in the export: nothing to measure", "a false 0%")
    nothing_done = viva_engage(tmp_path / "idle.csv", [(f"P{i}", "Activated", 0, 0, 0) for i in range(5)])
    refused(cli("measure", str(nothing_done)), "no one in the export posted, read or liked anything in the period")
    refused(cli("measure", str(write(tmp_path / "zero.csv", ""))), "zero.csv: the file is empty")
    only_deleted = viva_engage(tmp_path / "deleted.csv", [("P", "Deleted", 3, 3, 3)])
    refused(cli("measure", str(only_deleted)), "no people in the export")


def test_unreadable_files(cli, tmp_path):
    refused(cli("measure", str(tmp_path / "missing.csv")), "missing.csv: no such file")
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes((VIVA_ENGAGE_HEADER + "\n2024-05-31,caf\xe9,x,Activated,,,1,1,1,E5,30\n").encode("latin-1"))
    refused(cli("measure", str(latin1)), "latin1.csv: not UTF-8 text", "save the file as UTF-8")
    broken = tmp_path / "broken.csv.gz"
    broken.write_bytes(gzip.compress((VIVA_ENGAGE_HEADER + "\n").encode() * 50)[:40])
    refused(cli("measure", str(broken)), "broken.csv.gz: a damaged gzip file")
    not_graph = write(tmp_path / "graph.json", '{"@odata.context": "x", "values": []}')
    refused(cli("measure", str(not_graph)), 'graph.json: no "value" list')


def test_bad_options(cli, tmp_path):
    engage = viva_engage(tmp_path / "engage.csv", TWENTY)
    refused(cli("measure", str(engage), "--employees", "10"), "--employees 10 is fewer than the 20 people the export counts")
    refused(cli("measure", str(engage), "--employees", "0"), "--employees")
    refused(cli("measure", str(engage), "--platform", "yammer"), "unknown platform 'yammer'; the platforms: viva-engage, teams, slack")
    refused(cli("measure", str(engage), "--columns", "posted=Posted Count"), "--columns: name the read column")
    refused(cli("measure", str(engage), "--columns", "posted=A,read=B,seen=C"), "unknown key 'seen'")
    refused(cli("measure", str(engage), "--columns", "posted=Posts,read=Reads"), "engage.csv:1: no column 'Posts', 'Reads' (--columns names it)")
    refused(cli("measure", str(engage), "--columns", "posted=Posted Count,read=Read Count,days=month"), "days is the number of days")


def test_nothing_from_a_file_can_steer_the_terminal(cli, tmp_path):
    path = with_cell(viva_engage(tmp_path / "engage.csv", TWENTY), 2, "Posted Count", "\x1b[2J")
    name = tmp_path / "e\x1b[31m\u202e.csv"
    path.rename(name)
    result = cli("measure", str(name))
    assert result.code == 0
    assert "\x1b" not in result.err + result.out and "\u202e" not in result.err + result.out
    assert "e\\x1b[31m\\u202e.csv:3: Posted Count: row 2: not a number: '\\\\x1b[2J'" in result.err


def test_values_that_may_be_names_are_not_quoted(cli, tmp_path):
    path = with_cell(viva_engage(tmp_path / "engage.csv", TWENTY), 2, "Posted Count", concealed("Anna"))
    with_cell(path, 3, "Read Count", "anna@example.nl")
    result = cli("measure", str(path))
    assert concealed("Anna") not in result.err and "anna@example.nl" not in result.err
    assert "not a number: a value of 32 characters" in result.err
    assert "not a number: a value of 15 characters" in result.err


def test_errors_in_dutch(cli, tmp_path):
    path = with_cell(viva_engage(tmp_path / "engage.csv", TWENTY), 7, "Posted Count", "abc")
    result = cli("measure", str(path), "--lang", "nl")
    assert result.code == 0
    assert "advisor: waarschuwing: engage.csv:8: Posted Count: rij 7: geen getal: 'abc'" in result.err
    assert "de rij is weggelaten; de meting gaat door" in result.err
    refused(cli("measure", str(write(tmp_path / "x.csv", "Naam\nAnna\n")), "--lang", "nl"), "geen gebruiksexport die de adviseur kent")
