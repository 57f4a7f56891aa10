"""Everything the presenter and the handout show, computed once from a workshop file."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..knowledge.load import Knowledge
from ..reasoning.assembly import evidence_for
from ..reasoning.pipeline import Advisor
from ..schema import Advice, Answers, Evidence, Workshop
from ..vocabulary import ANSWER_KEYS
from .aggregate import Distribution, distribution, group_answers, question_bands
from .ranking import GoalDecision, RankedGoal, borda, decide


@dataclass(frozen=True)
class TeamResult:
    """A named team's own advice, and where it parts from the group's."""

    team: str
    number: int
    answers: Answers
    advice: Advice
    only_group: tuple[str, ...]  # recommendations in the group's advice, not in the team's
    only_team: tuple[str, ...]  # recommendations in the team's advice, not in the group's

    @property
    def recommendation_ids(self) -> list[str]:
        return [item.id for item in self.advice.recommendations]

    @property
    def diverges(self) -> bool:
        return bool(self.only_group or self.only_team)


@dataclass
class WorkshopSummary:
    workshop: Workshop
    knowledge: Knowledge
    lang: str
    ranking: list[RankedGoal] = field(default_factory=list)
    decisions: list[GoalDecision] = field(default_factory=list)  # per ranked goal: the group's or not, and why
    group: Answers | None = None  # None until the minimum group size is reached
    advice: Advice | None = None
    distributions: list[Distribution] = field(default_factory=list)
    teams: list[TeamResult] = field(default_factory=list)
    findings: list[Evidence] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.workshop.responses)

    @property
    def named(self) -> int:
        return sum(1 for r in self.workshop.responses if r.team)

    @property
    def anonymous(self) -> int:
        return self.total - self.named

    @property
    def min_group_size(self) -> int:
        return self.workshop.min_group_size

    @property
    def ready(self) -> bool:
        """Enough responses to show any aggregate."""
        return self.total >= self.min_group_size and self.total > 0

    @property
    def missing(self) -> int:
        return max(self.min_group_size - self.total, 0)

    def goal_label(self, goal: str) -> str:
        return self.knowledge.goal_profiles[goal].label.get(self.lang)

    @cached_property
    def titles(self) -> dict[str, str]:
        """Recommendation id -> its title in the workshop's language."""
        return {rid: rec.title.get(self.lang) for rid, rec in self.knowledge.recommendations.items()}

    def compared_recommendations(self) -> list[str]:
        """The group's recommendations in its order, then those only some team got, by first appearance."""
        ids = [item.id for item in self.advice.recommendations] if self.advice else []
        for team in self.teams:
            ids += [rid for rid in team.recommendation_ids if rid not in ids]
        return ids


def summarise(workshop: Workshop, advisor: Advisor, lang: str | None = None) -> WorkshopSummary:
    """The group's and each named team's results, with the advice for each (see aggregate.py)."""
    knowledge = advisor.knowledge
    lang = lang or workshop.lang
    summary = WorkshopSummary(workshop=workshop, knowledge=knowledge, lang=lang)
    if not summary.ready:
        return summary
    responses = [response.answers for response in workshop.responses]
    size = workshop.min_group_size
    summary.ranking = borda([answers.goals for answers in responses])
    summary.decisions = decide(summary.ranking)
    bands = question_bands(knowledge)  # the questionnaire's bands: a share's categories
    summary.group = group_answers(responses, size, bands)
    summary.advice = advisor.advise(summary.group, lang)

    needed = knowledge.dependencies.needs(tuple(summary.group.goals))
    for key in ANSWER_KEYS:
        item = distribution(responses, key, size, bands)
        if item.known or key in needed:  # skip questions nobody answered and the group's goals don't need
            summary.distributions.append(item)

    group_ids = [item.id for item in summary.advice.recommendations]
    for response in workshop.responses:
        if not response.team:
            continue  # anonymous answers count only in the group's results
        advice = advisor.advise(response.answers, lang)
        own = [item.id for item in advice.recommendations]
        summary.teams.append(
            TeamResult(
                team=response.team,
                number=response.number,
                answers=response.answers,
                advice=advice,
                only_group=tuple(rid for rid in group_ids if rid not in own),
                only_team=tuple(rid for rid in own if rid not in group_ids),
            )
        )

    seen: list[str] = []
    for goal in summary.group.goals:
        seen += [ref for ref in knowledge.goal_profiles[goal].findings if ref not in seen]
    summary.findings = [evidence_for(knowledge, ref, lang) for ref in seen]
    return summary


def share_distributions(workshop: Workshop, knowledge: Knowledge, lang: str) -> list[dict]:
    """Per share question, the questionnaire's bands as the workshop counts them (`workshop status
    --format json`): each band's label and, once the group is large enough, how many responses
    fall in it and the group's answer. Below the minimum group size, no counts."""
    from . import labels
    from ..vocabulary import SHARE_ANSWERS

    responses = [response.answers for response in workshop.responses]
    bands = question_bands(knowledge)
    found = []
    for key in SHARE_ANSWERS:
        item = distribution(responses, key, workshop.min_group_size, bands)
        shown = not item.withheld
        found.append(
            {
                "answer": key,
                "known": item.known,
                "withheld": item.withheld,
                "group": item.value if shown else None,
                "bands": [
                    {"band": name, "label": labels.category(lang, knowledge, key, name), **({"responses": count} if shown else {})}
                    for name, count in item.counts
                    if name != "unknown"
                ],
            }
        )
    return found
