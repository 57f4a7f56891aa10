"""Writing usage exports the way the platforms do, with their documented headers, for the tests.

Headers are copied from the platforms' documentation: Viva Engage and Teams from
microsoft-graph-docs (reportroot-getyammeractivityuserdetail.md,
reportroot-getteamsuseractivityuserdetail.md), the Graph JSON form from the beta endpoint's
example, Slack's member analytics fields from admin.analytics.getFile.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

VIVA_ENGAGE_HEADER = (
    "Report Refresh Date,User Principal Name,Display Name,User State,State Change Date,Last Activity Date,"
    "Posted Count,Read Count,Liked Count,Assigned Products,Report Period"
)
TEAMS_HEADER = (
    "Report Refresh Date,Tenant Display Name,Shared Channel Tenant Display Names,User Id,User Principal Name,"
    "Last Activity Date,Is Deleted,Deleted Date,Assigned Products,Team Chat Message Count,"
    "Private Chat Message Count,Call Count,Meeting Count,Post Messages,Reply Messages,Urgent Messages,"
    "Meetings Organized Count,Meetings Attended Count,Ad Hoc Meetings Organized Count,"
    "Ad Hoc Meetings Attended Count,Scheduled One-time Meetings Organized Count,"
    "Scheduled One-time Meetings Attended Count,Scheduled Recurring Meetings Organized Count,"
    "Scheduled Recurring Meetings Attended Count,Audio Duration,Video Duration,Screen Share Duration,"
    "Audio Duration In Seconds,Video Duration In Seconds,Screen Share Duration In Seconds,Has Other Action,"
    "Is Licensed,Report Period"
)
SLACK_FIELDS = (
    "enterprise_id", "date", "user_id", "email_address", "is_guest", "is_billable_seat", "is_active",
    "is_active_ios", "is_active_android", "is_active_desktop", "reactions_added_count", "messages_posted_count",
    "channel_messages_posted_count", "files_added_count", "is_active_apps", "is_active_workflows",
    "is_active_slack_connect", "total_calls_count", "slack_calls_count", "slack_huddles_count", "search_count",
    "date_claimed",
)


def concealed(name: str) -> str:
    """A concealed name as the admin centre shows it since September 2021: an MD5 hash."""
    return hashlib.md5(name.encode()).hexdigest().upper()


def write(path: Path, text: str, *, bom: bool = False, crlf: bool = False, gz: bool = False) -> Path:
    if crlf:
        text = text.replace("\n", "\r\n")
    data = ("\ufeff" if bom else "").encode() + text.encode("utf-8")
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def viva_engage(
    path: Path,
    people: list[tuple],
    *,
    refresh: str = "2024-05-31",
    period: str = "30",
    conceal: bool = True,
    delimiter: str = ",",
    bom: bool = False,
    crlf: bool = False,
    gz: bool = False,
) -> Path:
    """people: (name, User State, Posted Count, Read Count, Liked Count) per row."""
    lines = [VIVA_ENGAGE_HEADER.replace(",", delimiter)]
    for name, state, posted, read, liked in people:
        upn = concealed(name) if conceal else f"{name.lower()}@example.nl"
        display = concealed(name + "-display") if conceal else name
        changed = "2024-05-02" if state != "Activated" else ""
        cells = [refresh, upn, display, state, changed, "2024-05-30", str(posted), str(read), str(liked),
                 "MICROSOFT 365 E5", period]
        lines.append(delimiter.join(cells))
    return write(path, "\n".join(lines) + "\n", bom=bom, crlf=crlf, gz=gz)


def viva_engage_json(path: Path, people: list[tuple], *, refresh: str = "2017-09-01", period: str = "7") -> Path:
    """The Graph beta endpoint's JSON: people as for viva_engage, states as Graph writes them."""
    value = [
        {
            "reportRefreshDate": refresh,
            "userPrincipalName": concealed(name),
            "displayName": concealed(name + "-display"),
            "userState": state,
            "stateChangeDate": "2015-08-26",
            "lastActivityDate": refresh,
            "postedCount": posted,
            "readCount": read,
            "likedCount": liked,
            "assignedProducts": ["OFFICE 365 ENTERPRISE E5"],
            "reportPeriod": period,
        }
        for name, state, posted, read, liked in people
    ]
    document = {"@odata.context": "https://graph.microsoft.com/beta/$metadata#Collection(microsoft.graph.yammerActivityUserDetail)", "value": value}
    return write(path, json.dumps(document, indent=2))


def teams(path: Path, people: list[tuple], *, refresh: str = "2024-05-31", period: str = "30") -> Path:
    """people: (name, Is Deleted, Post Messages, Reply Messages, Team Chat Message Count) per row."""
    columns = TEAMS_HEADER.split(",")
    lines = [TEAMS_HEADER]
    for name, deleted, posts, replies, chats in people:
        row = dict.fromkeys(columns, "0")
        row.update({
            "Report Refresh Date": refresh, "Tenant Display Name": "Example", "Shared Channel Tenant Display Names": "",
            "User Id": concealed(name + "-id"), "User Principal Name": concealed(name), "Last Activity Date": "2024-05-29",
            "Is Deleted": deleted, "Deleted Date": "2024-05-03" if deleted == "True" else "",
            "Assigned Products": "MICROSOFT TEAMS", "Team Chat Message Count": str(chats),
            "Post Messages": str(posts), "Reply Messages": str(replies), "Audio Duration": "PT0S",
            "Video Duration": "PT0S", "Screen Share Duration": "PT0S", "Has Other Action": "No",
            "Is Licensed": "Yes", "Report Period": period,
        })
        lines.append(",".join(row[c] for c in columns))
    return write(path, "\n".join(lines) + "\n")


def slack_day(path: Path, day: str, members: list[tuple], *, gz: bool = True) -> Path:
    """One day of member analytics: (user, is_guest, is_active, messages_posted_count, reactions_added_count)."""
    lines = []
    for user, guest, active, posted, reactions in members:
        record = dict.fromkeys(SLACK_FIELDS, 0)
        record.update({
            "enterprise_id": "E0123", "date": day, "user_id": user, "email_address": f"{user.lower()}@example.nl",
            "is_guest": guest, "is_billable_seat": not guest, "is_active": active, "is_active_ios": False,
            "is_active_android": False, "is_active_desktop": active, "reactions_added_count": reactions,
            "messages_posted_count": posted, "channel_messages_posted_count": posted, "is_active_apps": False,
            "is_active_workflows": False, "is_active_slack_connect": False, "date_claimed": 1_600_000_000,
        })
        lines.append(json.dumps(record))
    return write(path, "\n".join(lines) + "\n", gz=gz)
