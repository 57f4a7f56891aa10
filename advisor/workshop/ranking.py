"""The group's goal ranking: a Borda count over the goal orders of all responses, and which of
the ranked goals are the group's.

Method (what the handout, the presenter and docs/workshops.md say):
- Every response lists its goals, most important first. With G goals in the vocabulary (six),
  the goal in place p (1 = first) gets G - p + 1 points: 6 for first, 5 for second, ... A goal a
  response does not list gets 0 points from it. A team that names one goal gives it full weight;
  naming more goals never takes points away from the first.
- Goals are ordered by points. Goals with the same points share a place (a tie is shown as a
  tie); their order within it goes to more first places, then more second places, and so on,
  then to the fixed order of the goals in the vocabulary (alignment, engagement, efficiency,
  effectiveness, knowledge sharing, communication satisfaction), so the ranking never depends
  on the order responses came in.
- The group's goals: every goal whose points reach SHARE (two thirds) of the top score, at
  least MIN_GOALS and at most MAX_GOALS of them, in ranking order. The count depends on how
  close the scores are, not on how many goals a typical response lists, so one response more or
  less moves a goal in or out only when its score crosses the line.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Sequence

from ..vocabulary import GOALS

SHARE = Fraction(2, 3)  # of the top score, for a goal to be one of the group's
MIN_GOALS = 1  # the top goal is always the group's
MAX_GOALS = 3  # a group decides on a few goals, not on every goal anyone named


@dataclass(frozen=True)
class RankedGoal:
    goal: str
    points: int
    places: tuple[int, ...]  # places[i]: how many responses put this goal in place i + 1

    @property
    def listed(self) -> int:
        """How many responses list this goal at all."""
        return sum(self.places)


@dataclass(frozen=True)
class GoalDecision:
    """Whether a ranked goal is one of the group's, and why."""

    item: RankedGoal
    place: int  # 1 = most points; goals with the same points share their place
    chosen: bool
    reason: str  # top | share (reaches the share of the top) | below (does not) | most (over MAX_GOALS)
    tied: tuple[str, ...]  # the other goals with the same points
    tie_break: str | None  # how the order within the tie was decided: places | order (the vocabulary's)

    @property
    def goal(self) -> str:
        return self.item.goal


def borda(rankings: Sequence[Sequence[str]], goals: Sequence[str] = GOALS) -> list[RankedGoal]:
    """Every goal some response lists, best first (see the module's docstring for the method)."""
    size = len(goals)
    points = {goal: 0 for goal in goals}
    places = {goal: [0] * size for goal in goals}
    for ranking in rankings:
        for index, goal in enumerate(ranking):
            points[goal] += size - index
            places[goal][index] += 1
    order = {goal: index for index, goal in enumerate(goals)}
    ranked = [RankedGoal(goal, points[goal], tuple(places[goal])) for goal in goals if points[goal] > 0]
    return sorted(ranked, key=lambda item: (-item.points, tuple(-n for n in item.places), order[item.goal]))


def threshold(ranked: Sequence[RankedGoal]) -> Fraction:
    """The points a goal needs to be one of the group's: SHARE of the top score."""
    return SHARE * (ranked[0].points if ranked else 0)


def decide(ranked: Sequence[RankedGoal]) -> list[GoalDecision]:
    """For each ranked goal, in order: its place, whether it is the group's, and why."""
    decisions: list[GoalDecision] = []
    line = threshold(ranked)
    chosen = 0
    for index, item in enumerate(ranked):
        tied = tuple(other.goal for other in ranked if other.points == item.points and other is not item)
        place = 1 + sum(1 for other in ranked if other.points > item.points)
        if index == 0:
            reason = "top"
        elif item.points < line:
            reason = "below"
        elif chosen >= MAX_GOALS:
            reason = "most"
        else:
            reason = "share"
        keep = reason in ("top", "share") or chosen < MIN_GOALS
        chosen += keep
        decisions.append(GoalDecision(item, place, keep, reason, tied, _tie_break(item, ranked) if tied else None))
    return decisions


def _tie_break(item: RankedGoal, ranked: Sequence[RankedGoal]) -> str:
    """places: the goals tied on points differ in their places; order: they tie on those too."""
    same = [other for other in ranked if other.points == item.points and other is not item]
    return "order" if any(other.places == item.places for other in same) else "places"


def group_goals(rankings: Sequence[Sequence[str]], goals: Sequence[str] = GOALS) -> list[str]:
    """The group's goals (see the module's docstring for the rule)."""
    return [decision.goal for decision in decide(borda(rankings, goals)) if decision.chosen]
