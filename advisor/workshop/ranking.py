"""The group's goal ranking: a Borda count over the goal orders of all responses.

Method (what the handout and the presenter say):
- Every response lists its goals, most important first. With G goals in the vocabulary (six),
  the goal in place p (1 = first) gets G - p + 1 points: 6 for first, 5 for second, ... A goal a
  response does not list gets 0 points from it. A team that names one goal gives it full weight;
  naming more goals never takes points away from the first.
- Goals are ordered by points. Ties go to the goal with more first places, then more second
  places, and so on; a tie left after that follows the fixed order of the goals in the
  vocabulary (alignment, engagement, efficiency, effectiveness, knowledge sharing,
  communication satisfaction), so the ranking never depends on the order responses came in.
- The group's goals are the first k goals of the ranking, where k is the median number of goals
  a response lists (the lower of the two middle values when the count is even): the group
  decides on as many goals as a typical response, not on every goal anyone named.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Sequence

from ..vocabulary import GOALS


@dataclass(frozen=True)
class RankedGoal:
    goal: str
    points: int
    places: tuple[int, ...]  # places[i]: how many responses put this goal in place i + 1

    @property
    def listed(self) -> int:
        """How many responses list this goal at all."""
        return sum(self.places)


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


def lower_median(values: Sequence[int]) -> int:
    """The middle value; the lower of the two middle ones for an even count."""
    return statistics.median_low(values)


def group_goals(rankings: Sequence[Sequence[str]], goals: Sequence[str] = GOALS) -> list[str]:
    """The group's goals: the first k of the Borda ranking, k the (lower) median goals per response."""
    if not rankings:
        return []
    k = lower_median([len(ranking) for ranking in rankings])
    return [item.goal for item in borda(rankings, goals)[:k]]
