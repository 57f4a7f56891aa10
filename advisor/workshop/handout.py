"""What both handouts (HTML and Markdown) say, in the order they say it."""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import t, tn
from ..vocabulary import lever_label
from ..render.markdown import relation_text
from ..schema import Evidence
from . import labels
from .aggregate import Distribution
from .ranking import MAX_GOALS, MIN_GOALS, SHARE, RankedGoal
from .summary import WorkshopSummary

# Section ids, in order: the HTML uses them as element ids, the tests check every one is there.
SECTIONS = ("goals", "strategy", "recommendations", "answers", "teams", "evidence", "caveats")


def heading(lang: str, section: str) -> str:
    own = {"goals": "workshop.ranking", "answers": "workshop.section.answers", "teams": "workshop.section.teams",
           "evidence": "workshop.section.evidence"}
    return t(lang, own.get(section, section))


def intro(summary: WorkshopSummary) -> str:
    return tn(
        summary.lang,
        "workshop.intro",
        summary.total,
        date=summary.workshop.created,
        total=summary.total,
        named=summary.named,
        anonymous=summary.anonymous,
        min=summary.min_group_size,
    )


def method(summary: WorkshopSummary) -> list[str]:
    """How the group's results are computed, one sentence per point."""
    lang = summary.lang
    share = f"{SHARE.numerator}/{SHARE.denominator}"
    return [
        t(lang, "workshop.method.borda", share=share, min=MIN_GOALS, max=MAX_GOALS),
        t(lang, "workshop.method.median"),
        t(lang, "workshop.method.mode"),
        t(lang, "workshop.method.unknown"),
        tn(lang, "workshop.method.min", summary.min_group_size, min=summary.min_group_size),
        t(lang, "workshop.method.anonymous"),
        t(lang, "workshop.method.advice"),
    ]


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    highlight: bool = False  # the bar the group's answer falls in


def distribution_bars(summary: WorkshopSummary, item: Distribution) -> list[Bar]:
    lang = summary.lang
    if item.key.endswith("_share") and item.value != "unknown":
        from .aggregate import band_holding, question_bands

        chosen = band_holding(question_bands(summary.knowledge).get(item.key, ()), item.value) or item.value
    else:
        chosen = item.value
    return [  # a tie marks every tied bar: no one of them is the group's answer more than the others
        Bar(labels.category(lang, summary.knowledge, item.key, name), count, name == chosen or name in item.tied)
        for name, count in item.counts
        if name != "unknown" or count
    ]


def group_answer(summary: WorkshopSummary, item: Distribution) -> str:
    return f"{t(summary.lang, 'workshop.group_answer')}: {labels.group_answer(summary.lang, item, summary.knowledge)}"


def goal_rows(summary: WorkshopSummary) -> list[tuple[str, str, RankedGoal, bool, str]]:
    """The ranking as rows: place (a tie shares its place), goal label, the goal's scores, whether
    it is the group's, and why (or why not)."""
    top = summary.ranking[0].points if summary.ranking else 0
    names = {goal: summary.goal_label(goal) for goal in summary.knowledge.goal_profiles}
    return [
        (
            f"{decision.place}" + ("=" if decision.tied else ""),
            names[decision.goal],
            decision.item,
            decision.chosen,
            labels.goal_reason(summary.lang, decision, top, names),
        )
        for decision in summary.decisions
    ]


def evidence_title(summary: WorkshopSummary, evidence: Evidence) -> str:
    lang = summary.lang
    if evidence.kind != "finding":
        return t(lang, "kind." + evidence.kind)
    relation = relation_text(evidence.relation or "none", evidence.inferred, lang)
    title = f"{summary.goal_label(evidence.construct)} × {lever_label(lang, evidence.usage)}: {relation}"
    if evidence.strength:
        title += f" ({t(lang, 'strength')}: {evidence.strength})"
    return title


def comparison(summary: WorkshopSummary) -> list[tuple[str, bool, list[bool]]]:
    """Rows of the per-team table: (recommendation id, in the group's advice, in each team's)."""
    group_ids = {item.id for item in summary.advice.recommendations}
    return [
        (rid, rid in group_ids, [rid in team.recommendation_ids for team in summary.teams])
        for rid in summary.compared_recommendations()
    ]


def source_line(summary: WorkshopSummary) -> str:
    source = summary.knowledge.findings_file.source
    return t(
        summary.lang,
        "source_line",
        title=source.title,
        publisher=source.publisher,
        partner=source.partner.get(summary.lang),
        organisations=source.organisations,
    )
