"""The Borda count and the group's goals, on examples worked out by hand."""

from __future__ import annotations

from advisor.workshop.ranking import borda, group_goals, lower_median


def test_points_follow_the_place_in_each_response():
    rankings = [
        ["alignment", "engagement"],  # alignment 6, engagement 5
        ["engagement", "efficiency", "alignment"],  # engagement 6, efficiency 5, alignment 4
        ["knowledge_sharing"],  # knowledge_sharing 6
    ]
    ranked = borda(rankings)
    assert [(item.goal, item.points) for item in ranked] == [
        ("engagement", 11),
        ("alignment", 10),
        ("knowledge_sharing", 6),
        ("efficiency", 5),
    ]
    by_goal = {item.goal: item for item in ranked}
    assert by_goal["alignment"].places[:3] == (1, 0, 1)
    assert by_goal["alignment"].listed == 2
    assert "effectiveness" not in by_goal  # nobody listed it: not in the ranking


def test_a_sixth_place_still_scores_one_point():
    order = ["engagement", "efficiency", "effectiveness", "communication_satisfaction", "alignment", "knowledge_sharing"]
    ranked = borda([order])
    assert [item.points for item in ranked] == [6, 5, 4, 3, 2, 1]


def test_tie_on_points_goes_to_more_first_places():
    rankings = [
        ["knowledge_sharing", "alignment"],  # ks 6, alignment 5
        ["knowledge_sharing"],  # ks 6
        ["alignment"],  # alignment 6
        # ... alignment 2 (fifth), ks 1 (sixth): both end on 13 points
        ["engagement", "efficiency", "effectiveness", "communication_satisfaction", "alignment", "knowledge_sharing"],
    ]
    ranked = borda(rankings)
    assert [(item.goal, item.points) for item in ranked[:2]] == [("knowledge_sharing", 13), ("alignment", 13)]
    # knowledge sharing has two first places, alignment one: it wins although alignment comes
    # first in the vocabulary order
    assert ranked[0].places[0] == 2 and ranked[1].places[0] == 1


def test_tie_on_points_and_places_goes_to_the_vocabulary_order():
    ranked = borda([["efficiency", "alignment"], ["alignment", "efficiency"]])  # 11 points each
    assert [(item.goal, item.points) for item in ranked] == [("alignment", 11), ("efficiency", 11)]
    # and the order of the responses does not matter
    assert borda([["alignment", "efficiency"], ["efficiency", "alignment"]]) == ranked


def test_the_group_decides_on_the_median_number_of_goals():
    assert lower_median([2, 3, 1]) == 2
    assert lower_median([1, 1, 2, 6]) == 1  # even count: the lower of the two middle values
    rankings = [["alignment", "engagement"], ["engagement", "efficiency", "alignment"], ["knowledge_sharing"]]
    assert group_goals(rankings) == ["engagement", "alignment"]
    assert group_goals([]) == []
