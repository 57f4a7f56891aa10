"""The present screens of the workshop (workshop/screens.py: the same keys, titles, order and
hidden answers as `workshop present`) as data for the presenter's HTML template.

Nothing is decided here that the terminal decides: which screens exist (only the responses
screen until the minimum group size is reached), which can be revealed and which are withheld
come from build_screens and the summary; this module only lays the content out for a page.
"""

from __future__ import annotations

from typing import Any

from ..i18n import t, tn
from ..vocabulary import lever_label
from ..workshop import labels
from ..workshop.handout import evidence_title, goal_rows
from ..workshop.ranking import MAX_GOALS, SHARE
from ..workshop.screens import Screen
from ..workshop.summary import WorkshopSummary


def slide(summary: WorkshopSummary, screen: Screen, revealed: bool) -> dict[str, Any]:
    """What one screen shows: its kind and the values its part of the template needs."""
    kind = screen.key.split(":", 1)[0]
    hidden = screen.revealable and not revealed
    data: dict[str, Any] = {"kind": kind, "key": screen.key, "title": screen.title, "hidden": hidden}
    build = _BUILDERS[kind]
    data.update(build(summary, screen, hidden))
    return data


def _responses(summary: WorkshopSummary, screen: Screen, hidden: bool) -> dict:
    lang = summary.lang
    return {
        "total": summary.total,
        "word": t(lang, "workshop.response_one" if summary.total == 1 else "workshop.response_many"),
        "named_anonymous": t(lang, "workshop.named_anonymous", named=summary.named, anonymous=summary.anonymous),
        "ready": summary.ready,
        "status": t(lang, "workshop.ready", min=summary.min_group_size)
        if summary.ready
        else tn(lang, "workshop.waiting", summary.min_group_size, min=summary.min_group_size, missing=summary.missing),
    }


def _bars(rows: list[tuple[str, int, str]]) -> list[dict]:
    top = max((value for _, value, _ in rows), default=0) or 1
    return [{"label": label, "value": value, "note": note, "width": round(100 * value / top, 1)} for label, value, note in rows]


def _ranking(summary: WorkshopSummary, screen: Screen, hidden: bool) -> dict:
    lang = summary.lang
    data = {"prompt": t(lang, "workshop.ranking_prompt")}
    if hidden:
        return data
    ranked = goal_rows(summary)
    rows = [
        (f"{place}. {label}", item.points, t(lang, "workshop.points_line", points=item.points, first=item.places[0]))
        for place, label, item, _, _ in ranked
    ]
    data.update(
        bars=_bars(rows),
        group_goals=", ".join(summary.goal_label(goal) for goal in summary.group.goals),
        reasons=[{"goal": label, "chosen": chosen, "why": why} for _, label, _, chosen, why in ranked],
        method=t(lang, "workshop.borda_short", share=f"{SHARE.numerator}/{SHARE.denominator}", max=MAX_GOALS),
    )
    return data


def _question(summary: WorkshopSummary, screen: Screen, hidden: bool) -> dict:
    lang = summary.lang
    key = screen.key.split(":", 1)[1]
    item = next(d for d in summary.distributions if d.key == key)
    data: dict[str, Any] = {
        "question": key,
        "prompt": labels.question(summary.knowledge, lang, key),
        "answered": tn(lang, "workshop.answered_by", item.total, known=item.known, total=item.total),
        "withheld": t(lang, "workshop.withheld_question", min=summary.min_group_size) if item.withheld else None,
    }
    if item.withheld or hidden:
        return data
    rows = [
        (labels.category(lang, summary.knowledge, key, name), count, str(count))
        for name, count in item.counts
        if name != "unknown" or count
    ]
    data.update(bars=_bars(rows), answer=labels.group_answer(lang, item, summary.knowledge))
    return data


def _strategy(summary: WorkshopSummary, screen: Screen, hidden: bool) -> dict:
    return {"items": [{"label": item.label, "text": item.text} for item in summary.advice.strategy]}


def _recommendations(summary: WorkshopSummary, screen: Screen, hidden: bool) -> dict:
    lang = summary.lang
    items = []
    for rec in summary.advice.recommendations:
        steer = ", ".join(lever_label(lang, name) for name in rec.levers)
        if rec.basis == "conclusion":  # rests on an authors' conclusion, not a measured relation
            steer += f" ({t(lang, 'kind.conclusion')})"
        status = t(lang, "status.gap") if rec.status == "gap" else t(lang, "status.sustain")
        items.append({"title": rec.title, "steer": steer, "status": status})
    return {"items": items, "none": t(lang, "no_recommendations"), "heuristics": t(lang, "heuristics")}


def _team(summary: WorkshopSummary, screen: Screen, hidden: bool) -> dict:
    lang = summary.lang
    key = screen.key.split(":", 1)[1]
    team = next(item for item in summary.teams if item.team.casefold() == key)
    group_ids = [item.id for item in summary.advice.recommendations]
    rows = []
    for rid in summary.compared_recommendations():
        in_group, in_team = rid in group_ids, rid in team.recommendation_ids
        if in_group or in_team:
            rows.append({"title": summary.titles[rid], "group": in_group, "team": in_team, "differs": in_group != in_team})
    differences = len(team.only_group) + len(team.only_team)
    if team.diverges:
        verdict = tn(lang, "workshop.diverges", differences, team=team.team, count=differences)
    else:
        verdict = t(lang, "workshop.agrees", team=team.team)
    return {
        "team": team.team,
        "goals": t(lang, "workshop.goals_of", team=team.team) + ": " + ", ".join(summary.goal_label(g) for g in team.answers.goals),
        "rows": rows,
        "verdict": verdict,
        "diverges": team.diverges,
        "legend": t(lang, "workshop.legend"),
    }


def _finding(summary: WorkshopSummary, screen: Screen, hidden: bool) -> dict:
    ref = screen.key.split(":", 1)[1]
    evidence = next(item for item in summary.findings if item.finding == ref)
    return {
        "what": evidence_title(summary, evidence),  # the relation, marked where it is inferred
        "quote": evidence.quote,
        "summary": evidence.summary,
        "note": f"{t(summary.lang, 'note')}: {evidence.note}" if evidence.note else None,
        "finding": evidence.finding,
    }


def _end(summary: WorkshopSummary, screen: Screen, hidden: bool) -> dict:
    return {"caveats": [item.text for item in summary.advice.caveats]}


_BUILDERS = {
    "responses": _responses,
    "ranking": _ranking,
    "question": _question,
    "strategy": _strategy,
    "recommendations": _recommendations,
    "team": _team,
    "finding": _finding,
    "end": _end,
}
