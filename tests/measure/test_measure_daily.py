"""Daily files: Viva Engage downloads with date= (Report Period 1) and Slack member analytics (one
NDJSON file per day, gzipped or not) give days active per person instead of a rate. Every
expected figure is worked out by hand in the comments."""

from __future__ import annotations

import json

from measure_exports import slack_day, viva_engage

# Three days of Viva Engage, one file each: (name, User State, Posted, Read, Liked) per row.
# All three were downloaded on 2 June, so their Report Refresh Date says nothing of the day: the
# file name does.
DAYS = {
    "2024-05-01": [("Q1", "Activated", 1, 2, 0), ("Q2", "Activated", 0, 1, 0), ("Q3", "Activated", 0, 0, 0),
                   ("Q4", "Activated", 2, 2, 0), ("Q5", "Activated", 0, 0, 0)],
    "2024-05-02": [("Q1", "Activated", 3, 0, 0), ("Q2", "Activated", 0, 1, 0), ("Q3", "Activated", 0, 0, 0),
                   ("Q4", "Deleted", 0, 0, 0), ("Q5", "Activated", 0, 0, 0)],
    "2024-05-03": [("Q1", "Activated", 0, 1, 0), ("Q2", "Activated", 0, 1, 0), ("Q3", "Activated", 1, 0, 1),
                   ("Q5", "Activated", 0, 0, 0)],
}
# Q4 is Deleted in its latest file: left out. Counted: Q1, Q2, Q3, Q5 = 4.
# Days with a post: Q1 2 (1st, 2nd), Q3 1 (3rd) -> active 2 of 4 = 50%; median of [1, 2] = 1.5 days
#   in 3 days = 1.5 * 30 / 3 = 15 days per 30 -> weekly (4 <= 15 < 20).
# Days with a read: Q1 2 (1st, 3rd), Q2 3 -> readers 2 of 4 = 50%; median (2 + 3) / 2 = 2.5 days
#   = 2.5 * 10 = 25 days per 30 -> daily (25 >= 20).
# Days with a like: Q3 -> 1 of 4 = 25%.


def write_days(tmp_path, days=DAYS):
    return [
        str(viva_engage(tmp_path / f"engage-{day}.csv", people, period="1", refresh="2024-06-02T00:00:00Z"))
        for day, people in days.items()
    ]


def test_viva_engage_daily_files_give_days_active(cli, tmp_path):
    result = cli("measure", *write_days(tmp_path), "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["usage"] == {"active_share": 50, "active_frequency": "weekly", "passive_share": 50, "passive_frequency": "daily"}
    measured = data["measured"]
    assert measured["period"] == {
        "days": 3, "start": "2024-05-01", "end": "2024-05-03", "daily_files": True,
        "source": "3 daily files, 2024-05-01 to 2024-05-03",
    }
    assert [f["day"] for f in measured["files"]] == ["2024-05-01", "2024-05-02", "2024-05-03"]
    assert measured["data_date"] == "2024-05-03"
    assert measured["people"]["counted"] == 4 and measured["people"]["deleted"] == 1
    figures = measured["figures"]
    assert figures["active_frequency"]["basis"] == "days_active"
    assert (figures["active_frequency"]["median"], figures["active_frequency"]["per_30_days"]) == (1.5, 15)
    assert (figures["passive_frequency"]["median"], figures["passive_frequency"]["per_30_days"]) == (2.5, 25)
    assert figures["liked_share"]["value"] == 25
    assert "Posted Count > 0 on at least one day" in figures["active_share"]["how"]
    assert any("Report Period of 1 marks a daily file (inferred)" in note for note in measured["notes"])


def test_a_missing_day_is_said_and_the_rates_are_scaled_from_the_days_given(cli, tmp_path):
    days = {day: people for day, people in DAYS.items() if day != "2024-05-02"}
    result = cli("measure", *write_days(tmp_path, days), "--format", "json")
    data = json.loads(result.out)
    # 1st and 3rd only. Counted: Q1, Q2, Q3, Q5 (Q4 is Activated on the 1st, its latest day) + Q4 = 5.
    # Posts: Q1 1 day, Q3 1 day, Q4 1 day -> 3 of 5 = 60%; median 1 day in 2 days = 15 per 30 -> weekly.
    # Reads: Q1 2, Q2 2, Q4 1 -> 3 of 5 = 60%; median 2 days in 2 = 30 per 30 -> daily.
    assert data["usage"] == {"active_share": 60, "active_frequency": "weekly", "passive_share": 60, "passive_frequency": "daily"}
    assert data["measured"]["period"]["days"] == 2
    assert any(note.startswith("Days from 2024-05-01 to 2024-05-03 without a file: 1;") for note in data["measured"]["notes"])


# Slack member analytics, one file per day: (user, is_guest, is_active, messages_posted_count, reactions_added_count)
SLACK = {
    "2024-05-01": [("U1", False, True, 2, 0), ("U2", False, True, 0, 0), ("U3", True, True, 5, 0), ("U4", False, False, 0, 0)],
    "2024-05-02": [("U1", False, True, 0, 0), ("U2", False, False, 0, 0), ("U4", False, False, 0, 0), ("U5", False, True, 1, 2)],
    "2024-05-03": [("U1", False, True, 1, 0), ("U2", False, True, 0, 0), ("U4", False, False, 0, 0)],
}
# U3 is a guest: left out. Counted: U1, U2, U4, U5 = 4.
# Days with a message: U1 2 (1st, 3rd), U5 1 -> active 2 of 4 = 50%; median 1.5 days in 3 = 15 per 30 -> weekly.
# Days is_active: U1 3, U2 2, U5 1 -> readers 3 of 4 = 75%; median 2 days in 3 = 20 per 30 -> daily
#   (exactly on the threshold: from 20 on is daily).
# Days with a reaction: U5 -> 1 of 4 = 25%.


def test_slack_member_analytics_gzipped_or_not(cli, tmp_path):
    paths = [
        str(slack_day(tmp_path / f"member-{day}.json{'.gz' if gz else ''}", day, members, gz=gz))
        for (day, members), gz in zip(SLACK.items(), (True, False, True))
    ]
    result = cli("measure", *paths, "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["usage"] == {"active_share": 50, "active_frequency": "weekly", "passive_share": 75, "passive_frequency": "daily"}
    measured = data["measured"]
    assert measured["platform"] == "slack"
    assert measured["people"]["guests"] == 1 and measured["people"]["counted"] == 4
    assert measured["figures"]["passive_frequency"]["per_30_days"] == 20
    assert measured["figures"]["liked_share"]["value"] == 25
    assert "is_active on at least one day" in measured["figures"]["passive_share"]["how"]
    assert [f["format"] for f in measured["files"]] == ["slack-ndjson"] * 3
    assert "U1" not in result.out and "example.nl" not in result.out


def test_the_daily_threshold_is_read_from_the_knowledge(cli, tmp_path, knowledge_copy):
    # Raise frequency_daily to 21: the readers' 20 days per 30 are then weekly.
    parameters = knowledge_copy / "rules" / "catalog" / "parameters.yaml"
    text = parameters.read_text(encoding="utf-8")
    parameters.write_text(text.replace("  - name: frequency_daily\n    value: 20", "  - name: frequency_daily\n    value: 21"), encoding="utf-8")
    paths = [str(slack_day(tmp_path / f"member-{day}.json.gz", day, members)) for day, members in SLACK.items()]
    result = cli("measure", *paths, "--format", "json", "--findings", str(knowledge_copy / "findings.yaml"), "--rules", str(knowledge_copy / "rules"))
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["usage"]["passive_frequency"] == "weekly"
    assert data["measured"]["thresholds"]["frequency_daily"] == 21
