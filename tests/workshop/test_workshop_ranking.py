"""The Borda count and the group's goals, on examples worked out by hand."""

from __future__ import annotations

from advisor.workshop.ranking import MAX_GOALS, borda, decide, group_goals


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


def test_the_groups_goals_reach_two_thirds_of_the_top_score():
    rankings = [["alignment", "engagement"], ["engagement", "efficiency", "alignment"], ["knowledge_sharing"]]
    # engagement 11 (the top), alignment 10 (>= 22/3), knowledge sharing 6 and efficiency 5 (< 22/3)
    assert group_goals(rankings) == ["engagement", "alignment"]
    reasons = {d.goal: (d.chosen, d.reason) for d in decide(borda(rankings))}
    assert reasons == {
        "engagement": (True, "top"), "alignment": (True, "share"),
        "knowledge_sharing": (False, "below"), "efficiency": (False, "below"),
    }
    assert group_goals([]) == []


def test_one_response_less_does_not_change_how_many_goals_a_group_decides_on():
    """The count used to be the median number of goals per response: dropping the second
    response here took the group from two goals to one, and changed every team comparison."""
    rankings = [["alignment", "engagement"], ["engagement", "alignment"], ["alignment", "engagement"], ["engagement"], ["alignment"]]
    assert group_goals(rankings) == ["alignment", "engagement"]  # 23 and 22 points
    assert group_goals(rankings[:1] + rankings[2:]) == ["alignment", "engagement"]  # 18 and 16: still within 2/3


def test_at_most_three_goals_and_the_top_one_always():
    everyone_differs = [["alignment"], ["engagement"], ["efficiency"], ["effectiveness"]]  # 6 points each
    decisions = decide(borda(everyone_differs))
    assert [d.goal for d in decisions if d.chosen] == ["alignment", "engagement", "efficiency"]
    assert len([d for d in decisions if d.chosen]) == MAX_GOALS
    [last] = [d for d in decisions if not d.chosen]
    assert (last.goal, last.reason) == ("effectiveness", "most")
    assert group_goals([["communication_satisfaction"]]) == ["communication_satisfaction"]


def test_a_tie_shares_its_place_and_says_how_it_was_ordered():
    decisions = decide(borda([["efficiency", "alignment"], ["alignment", "efficiency"], ["engagement"]]))
    first, second, third = decisions
    assert [(d.goal, d.place) for d in decisions] == [("alignment", 1), ("efficiency", 1), ("engagement", 3)]
    assert first.tied == ("efficiency",) and first.tie_break == "order"  # the same places too
    assert third.tied == () and third.tie_break is None
    by_places = decide(borda([["knowledge_sharing", "alignment"], ["knowledge_sharing"], ["alignment"],
                              ["engagement", "efficiency", "effectiveness", "communication_satisfaction", "alignment", "knowledge_sharing"]]))
    assert by_places[0].tied == ("alignment",) and by_places[0].tie_break == "places"
