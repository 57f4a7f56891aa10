"""The usage exports the advisor reads, and how to recognise each from its header.

Each format names the columns (or JSON keys) that carry what the study asks for: who posted, who
read, who liked, who the person is (to tell people apart, never to be shown), their state, the
date of the data and the period. Columns are matched by name, ignoring case and surrounding
spaces; other columns are ignored. The sources, per format: docs/measured-usage.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..schema.measured import PLATFORM_NAMES
from ..errors import AdvisorError, Problem
from .words import w


@dataclass(frozen=True)
class Format:
    id: str  # as in the measured block: viva-engage-csv, ...
    platform: str  # viva-engage, teams, slack; or the --platform name of a --columns CSV
    container: str  # csv, graph-json or ndjson
    label: str
    posted: tuple[str, ...]  # summed: a person is active when the sum is above 0
    read: str | None = None  # a count, or a flag (Slack's is_active); None: not measurable
    liked: str | None = None
    user: str | None = None
    state: str | None = None  # a User State column (Activated, Deleted, Suspended)
    deleted: str | None = None  # an Is Deleted column (True, False)
    guest: str | None = None  # an is_guest flag: guests are not employees
    refresh: str | None = None  # Report Refresh Date
    period: str | None = None  # Report Period, in days
    date: str | None = None  # the day of each row (one file per day)
    days: int | None = None  # a --columns CSV: the days it covers, when given

    @property
    def columns(self) -> tuple[str, ...]:
        """Every column this format reads."""
        named = (self.read, self.liked, self.user, self.state, self.deleted, self.guest, self.refresh, self.period, self.date)
        return self.posted + tuple(name for name in named if name)


# Viva Engage: microsoft-graph-docs reportroot-getyammeractivityuserdetail.md; the JSON form is the
# beta endpoint's ($format=application/json). Teams: reportroot-getteamsuseractivityuserdetail.md.
# Slack: admin.analytics.getFile, type=member.
VIVA_ENGAGE_CSV = Format(
    id="viva-engage-csv",
    platform="viva-engage",
    container="csv",
    label="Viva Engage activity user detail (CSV: admin centre export or Graph download)",
    posted=("Posted Count",),
    read="Read Count",
    liked="Liked Count",
    user="User Principal Name",
    state="User State",
    refresh="Report Refresh Date",
    period="Report Period",
)
VIVA_ENGAGE_JSON = Format(  # the Graph beta endpoint with $format=application/json: {"value": [...]}
    id="viva-engage-json",
    platform="viva-engage",
    container="graph-json",
    label='Viva Engage activity user detail (Graph JSON: {"value": [...]})',
    posted=("postedCount",),
    read="readCount",
    liked="likedCount",
    user="userPrincipalName",
    state="userState",
    refresh="reportRefreshDate",
    period="reportPeriod",
)
TEAMS_CSV = Format(
    id="teams-csv",
    platform="teams",
    container="csv",
    label="Teams user activity user detail (CSV)",
    posted=("Post Messages", "Reply Messages"),  # channel posts and replies; chats are not posts
    user="User Principal Name",
    deleted="Is Deleted",
    refresh="Report Refresh Date",
    period="Report Period",
)
SLACK_NDJSON = Format(  # admin.analytics.getFile type=member: one file per day
    id="slack-ndjson",
    platform="slack",
    container="ndjson",
    label="Slack member analytics (admin.analytics.getFile type=member; NDJSON, gzipped or not)",
    posted=("messages_posted_count",),
    read="is_active",
    liked="reactions_added_count",
    user="user_id",
    guest="is_guest",
    date="date",
)
BUILT_IN = (VIVA_ENGAGE_CSV, VIVA_ENGAGE_JSON, TEAMS_CSV, SLACK_NDJSON)
PLATFORMS = PLATFORM_NAMES
COLUMNS_KEYS = ("posted", "read", "liked", "user", "days")
COLUMNS_HINT = "--columns posted=COLUMN,read=COLUMN[,liked=COLUMN,user=COLUMN,days=N]"


def normal(name: str) -> str:
    return " ".join(name.replace("\ufeff", "").split()).casefold()


def recognise(header: tuple[str, ...], container: str, source: str, *, platform: str | None = None, lang: str = "en") -> Format:
    """The built-in format whose columns the header holds (of the platform, when one is named)."""
    present = {normal(name) for name in header}
    candidates = [f for f in BUILT_IN if platform in (None, f.platform)]
    for candidate in candidates:
        if candidate.container == container and all(normal(c) in present for c in candidate.columns):
            return candidate
    raise unknown_format(header, source, candidates, lang)


def columns_format(spec: dict, header: tuple[str, ...], source: str, platform: str | None, lang: str = "en") -> Format:
    """A format from --columns: the named columns must be in the header."""
    present = {normal(name) for name in header}
    missing = [spec[key] for key in ("posted", "read", "liked", "user") if key in spec and normal(spec[key]) not in present]
    if missing:
        raise AdvisorError(
            Problem(
                source=source,
                line=1,
                message=w(lang, "format.no_column", columns=", ".join(repr(c) for c in missing)),
                hint=w(lang, "format.columns", columns=shown_columns(header, lang)),
            )
        )
    return Format(
        id="columns-csv",
        platform=platform or "other",
        container="csv",
        label="a per-person CSV read with --columns",
        posted=(spec["posted"],),
        read=spec["read"],
        liked=spec.get("liked"),
        user=spec.get("user"),
        days=spec.get("days"),
    )


def parse_columns(text: str, lang: str = "en") -> dict:
    """--columns posted=COL,read=COL[,liked=COL,user=COL,days=N] as a dict."""
    from .text import printable

    spec: dict = {}
    for part in text.split(","):
        key, sep, value = part.partition("=")
        key, value = key.strip().lower(), value.strip()
        if not sep or not value:
            raise _columns_error(lang, "columns.not_pair", part=repr(printable(part.strip())))
        if key not in COLUMNS_KEYS:
            raise _columns_error(lang, "columns.unknown_key", key=repr(printable(key)), keys=", ".join(COLUMNS_KEYS))
        if key in spec:
            raise _columns_error(lang, "columns.twice", key=key)
        if key == "days":
            if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= 366:
                raise _columns_error(lang, "columns.days", value=repr(printable(value)))
            value = int(value)
        spec[key] = value
    missing = [key for key in ("posted", "read") if key not in spec]
    if missing:
        raise _columns_error(lang, "columns.missing", keys=", ".join(missing))
    return spec


def _columns_error(lang: str, message: str, **values: object) -> AdvisorError:
    hint = w(lang, "columns.hint", example=COLUMNS_HINT)
    return AdvisorError(Problem(source="", field="--columns", message=w(lang, message, **values), hint=hint))


def unknown_format(header: tuple[str, ...], source: str, candidates=BUILT_IN, lang: str = "en") -> AdvisorError:
    expected = "\n".join(f"    {f.label}: {', '.join(f.columns)}" for f in candidates)
    if len(candidates) == len(BUILT_IN):
        expected += f"\n    {w(lang, 'format.any_csv')}: {COLUMNS_HINT}"
    return AdvisorError(
        Problem(
            source=source,
            message=w(lang, "format.unknown", columns=shown_columns(header, lang)),
            hint=w(lang, "format.unknown.hint", expected=expected),
        )
    )


def shown_columns(header: tuple[str, ...], lang: str = "en", limit: int = 12) -> str:
    from .text import printable

    names = [printable(name.replace("\ufeff", ""))[:40] for name in header[:limit]]
    more = f", ... ({len(header)})" if len(header) > limit else ""
    return (", ".join(names) + more) if names else w(lang, "none")
