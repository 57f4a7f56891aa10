"""`advisor measure` on period exports (Viva Engage CSV and Graph JSON, Teams, any CSV with
--columns), written with the platforms' documented headers. Every expected figure is worked out
by hand in the comments."""

from __future__ import annotations

import json

import pytest
from measure_exports import concealed, teams, viva_engage, viva_engage_json, write

# Eight rows of one Viva Engage export: (name, User State, Posted, Read, Liked)
PEOPLE = [
    ("Anna", "Activated", 2, 10, 1),
    ("Bram", "Activated", 0, 4, 3),
    ("Cor", "Activated", 5, 0, 0),
    ("Dirk", "Activated", 0, 0, 0),
    ("Eva", "Deleted", 7, 7, 7),
    ("Fleur", "Suspended", 1, 1, 0),
    ("Gijs", "Activated", 1, 1, 0),
    ("Hanna", "Activated", 0, 25, 0),
]
# Counted: the Activated rows Anna, Bram, Cor, Dirk, Gijs, Hanna = 6; left out: Eva (deleted), Fleur (suspended).
# Active (Posted > 0): Anna 2, Cor 5, Gijs 1 = 3 of 6 = 50%. Median posts of [1, 2, 5] = 2.
# Readers (Read > 0): Anna 10, Bram 4, Gijs 1, Hanna 25 = 4 of 6 = 66.67%. Median of [1, 4, 10, 25] = (4 + 10) / 2 = 7.
# Liked (Liked > 0): Anna, Bram = 2 of 6 = 33.33%.


def measure(cli, *args: str):
    result = cli("measure", *args, "--format", "json")
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    return result, json.loads(result.out)


@pytest.mark.parametrize(
    "variant",
    [
        # the admin centre today: concealed names, the newer date format, a byte-order mark, CRLF
        dict(conceal=True, refresh="2024-05-31T00:00:00Z", bom=True, crlf=True),
        # concealment switched off, the older date format, ; from a Dutch Excel, plain line ends
        dict(conceal=False, refresh="2024-05-31", delimiter=";"),
        # a Graph download, gzipped
        dict(conceal=True, gz=True),
    ],
    ids=["concealed-bom-crlf", "plain-semicolon", "gzip"],
)
def test_viva_engage_over_30_days(cli, tmp_path, variant):
    path = viva_engage(tmp_path / "engage.csv", PEOPLE, **variant)
    _, data = measure(cli, str(path))
    # 30 days: the medians are the rates per 30 days. Posts: 2 -> monthly (1 <= 2 < 4).
    # Reads: 7 -> weekly (4 <= 7 < 20).
    assert data["usage"] == {"active_share": 50, "active_frequency": "monthly", "passive_share": 66.67, "passive_frequency": "weekly"}
    measured = data["measured"]
    assert measured["platform"] == "viva-engage"
    assert measured["files"] == [{"name": "engage.csv", "format": "viva-engage-csv", "rows": 8}]
    assert measured["period"] == {
        "days": 30, "start": "2024-05-02", "end": "2024-05-31", "daily_files": False,
        "source": "Report Period 30, Report Refresh Date 2024-05-31",
    }
    assert measured["data_date"] == "2024-05-31"
    assert measured["people"] == {"rows": 8, "counted": 6, "deleted": 1, "suspended": 1, "guests": 0, "bad_rows": 0}
    assert measured["denominator"]["people"] == 6 and measured["denominator"]["source"] == "export"
    figures = measured["figures"]
    assert (figures["active_share"]["people"], figures["active_share"]["of"]) == (3, 6)
    assert (figures["active_frequency"]["median"], figures["active_frequency"]["per_30_days"]) == (2, 2)
    assert (figures["passive_share"]["people"], figures["passive_frequency"]["median"]) == (4, 7)
    assert figures["liked_share"]["value"] == 33.33
    assert "not counted as active" in figures["liked_share"]["how"]
    assert "Posted Count > 0; replies are posts" in figures["active_share"]["how"]
    assert "heuristic thresholds" in figures["active_frequency"]["how"]
    assert measured["thresholds"] == {"frequency_daily": 20, "frequency_weekly": 4, "frequency_monthly": 1}


def test_names_and_hashes_are_never_repeated(cli, tmp_path):
    path = viva_engage(tmp_path / "engage.csv", PEOPLE)
    outputs = [cli("measure", str(path), "--format", fmt).out for fmt in ("text", "yaml", "json")]
    for name, *_ in PEOPLE:
        for output in outputs:
            assert concealed(name) not in output and concealed(name + "-display") not in output
            assert name not in output
    plain = viva_engage(tmp_path / "plain.csv", PEOPLE, conceal=False)
    for fmt in ("text", "yaml", "json"):
        assert "@example.nl" not in cli("measure", str(plain), "--format", fmt).out


def test_seven_days_are_scaled_to_thirty(cli, tmp_path):
    path = viva_engage(tmp_path / "engage.csv", PEOPLE, period="7")
    _, data = measure(cli, str(path))
    # Posts: median 2 in 7 days = 2 * 30 / 7 = 8.57 per 30 days -> weekly (4 <= 8.57 < 20).
    # Reads: median 7 in 7 days = 7 * 30 / 7 = 30 per 30 days -> daily (30 >= 20).
    assert data["usage"]["active_frequency"] == "weekly"
    assert data["usage"]["passive_frequency"] == "daily"
    assert data["measured"]["figures"]["active_frequency"]["per_30_days"] == 8.57
    assert data["measured"]["figures"]["passive_frequency"]["per_30_days"] == 30
    assert data["measured"]["period"]["start"] == "2024-05-25"  # 7 days up to and including the 31st


def test_likes_count_as_active_only_when_asked(cli, tmp_path):
    path = viva_engage(tmp_path / "engage.csv", PEOPLE)
    _, data = measure(cli, str(path), "--likes-count-as-active")
    # Active (Posted + Liked > 0): Anna 2+1=3, Bram 0+3=3, Cor 5, Gijs 1 = 4 of 6 = 66.67%.
    # Median of [1, 3, 3, 5] = (3 + 3) / 2 = 3 -> monthly.
    assert data["usage"]["active_share"] == 66.67
    assert data["usage"]["active_frequency"] == "monthly"
    assert data["measured"]["likes_count_as_active"] is True
    assert data["measured"]["figures"]["active_frequency"]["median"] == 3
    assert "counted as active (--likes-count-as-active)" in data["measured"]["figures"]["liked_share"]["how"]


def test_employees_is_the_denominator_and_the_coverage_is_said(cli, tmp_path):
    path = viva_engage(tmp_path / "engage.csv", PEOPLE)
    _, data = measure(cli, str(path), "--employees", "12")
    # 3 active of 12 employees = 25%; 4 readers of 12 = 33.33%. Frequencies do not change.
    assert data["usage"] == {"active_share": 25, "active_frequency": "monthly", "passive_share": 33.33, "passive_frequency": "weekly"}
    assert data["organisation"] == {"employees": 12}
    denominator = data["measured"]["denominator"]
    assert denominator == {
        "people": 12, "source": "employees", "in_export": 6, "employees": 12,
        "note": "--employees 12: the export covers 6 of 12 employees",
    }


def test_graph_json_form(cli, tmp_path):
    # The documented example says userState "active"; Graph writes deleted and suspended users too.
    people = [(name, {"Activated": "active"}.get(state, state.lower()), p, r, l) for name, state, p, r, l in PEOPLE]
    path = viva_engage_json(tmp_path / "engage.json", people, period="7")
    _, data = measure(cli, str(path))
    # The same people over 7 days: posts 2 -> 8.57 per 30 days, weekly; reads 7 -> 30, daily.
    assert data["usage"] == {"active_share": 50, "active_frequency": "weekly", "passive_share": 66.67, "passive_frequency": "daily"}
    measured = data["measured"]
    assert measured["files"][0]["format"] == "viva-engage-json"
    assert measured["data_date"] == "2017-09-01"
    assert measured["people"]["deleted"] == 1 and measured["people"]["suspended"] == 1
    assert any("userState 'active'" in note for note in measured["notes"])


def test_graph_json_pages_are_parts_of_one_export(cli, tmp_path):
    first = viva_engage_json(tmp_path / "page-1.json", PEOPLE[:4])
    second = viva_engage_json(tmp_path / "page-2.json", PEOPLE[4:])
    _, data = measure(cli, str(first), str(second))
    # Together the same eight rows: 3 of 6 active, 4 of 6 readers.
    assert (data["usage"]["active_share"], data["usage"]["passive_share"]) == (50, 66.67)
    assert [f["rows"] for f in data["measured"]["files"]] == [4, 4]
    assert any("parts of one export" in note for note in data["measured"]["notes"])


def test_teams_has_no_readers(cli, tmp_path):
    # (name, Is Deleted, Post Messages, Reply Messages, Team Chat Message Count)
    path = teams(tmp_path / "teams.csv", [
        ("Tom", "False", 1, 2, 0),
        ("Ugo", "False", 0, 0, 50),  # chats are not posts
        ("Vera", "True", 5, 0, 0),  # deleted: left out
        ("Wim", "False", 0, 4, 0),
        ("Xena", "False", 0, 0, 0),
    ])
    _, data = measure(cli, str(path))
    # Counted: Tom, Ugo, Wim, Xena = 4. Active (Post + Reply > 0): Tom 3, Wim 4 = 2 of 4 = 50%.
    # Median of [3, 4] = 3.5 per 30 days -> monthly. Readers: not in a Teams export.
    assert data["usage"] == {"active_share": 50, "active_frequency": "monthly", "passive_share": "unknown", "passive_frequency": "unknown"}
    figures = data["measured"]["figures"]
    assert figures["active_frequency"]["median"] == 3.5
    assert "Post Messages + Reply Messages > 0" in figures["active_share"]["how"]
    assert "Teams reports no read count" in figures["passive_share"]["how"]
    assert "Teams reports no read count" in figures["passive_frequency"]["how"]
    assert "liked_share" not in figures
    assert data["measured"]["people"]["deleted"] == 1
    # Teams counts no likes: --likes-count-as-active changes nothing, and the record says so
    _, liked = measure(cli, str(path), "--likes-count-as-active")
    assert liked["usage"] == data["usage"] and liked["measured"]["likes_count_as_active"] is False


def test_any_csv_with_columns(cli, tmp_path):
    first = write(tmp_path / "workvivo-a.csv", "Email;Posts;Views;Reactions\nw1@x.nl;4;10;0\nw2@x.nl;0;3;5\nw3@x.nl;1;0;0\n")
    second = write(tmp_path / "workvivo-b.csv", "Email;Posts;Views;Reactions\nw1@x.nl;1;2;0\n")
    spec = "posted=Posts,read=Views,liked=Reactions,user=Email,days=30"
    _, data = measure(cli, str(first), str(second), "--columns", spec, "--platform", "workvivo")
    # The user column adds up rows of one person: w1 posted 4+1 = 5 and read 10+2 = 12.
    # Counted 3. Active: w1 5, w3 1 = 2 of 3 = 66.67%, median (1 + 5) / 2 = 3 -> monthly.
    # Readers: w1 12, w2 3 = 2 of 3 = 66.67%, median (3 + 12) / 2 = 7.5 -> weekly. Liked: w2 = 33.33%.
    assert data["usage"] == {"active_share": 66.67, "active_frequency": "monthly", "passive_share": 66.67, "passive_frequency": "weekly"}
    assert data["measured"]["platform"] == "workvivo"
    assert data["measured"]["figures"]["liked_share"]["value"] == 33.33
    assert data["measured"]["people"]["counted"] == 3


def test_columns_without_days_leave_the_frequencies_unknown(cli, tmp_path):
    path = write(tmp_path / "staffbase.csv", "Posts,Reads\n2,5\n0,1\n")
    _, data = measure(cli, str(path), "--columns", "posted=Posts,read=Reads")
    # Without a user column each row is a person: 1 of 2 posted (50%), 2 of 2 read (100%).
    assert data["usage"] == {"active_share": 50, "active_frequency": "unknown", "passive_share": 100, "passive_frequency": "unknown"}
    assert "days=N" in data["measured"]["figures"]["active_frequency"]["how"]
    assert "period" not in data["measured"]


def test_platform_overrides_recognition(cli, tmp_path):
    path = viva_engage(tmp_path / "engage.csv", PEOPLE)
    assert measure(cli, str(path), "--platform", "viva-engage")[1]["usage"]["active_share"] == 50
    result = cli("measure", str(path), "--platform", "teams")
    assert result.code == 2
    expected = result.err.split("hint:")[1]  # the columns expected: those of Teams only
    assert "Post Messages, Reply Messages" in expected and "Posted Count" not in expected
