"""Answers of three teams, worked through by hand in test_workshop_aggregate.py."""

BLUE = {
    "goals": ["alignment", "engagement"],
    "usage": {"active_share": 8, "active_frequency": "weekly", "passive_share": 45, "passive_frequency": "weekly"},
    "purposes": {"ideas": "never", "expertise": "sometimes", "processes": "never", "strategy_dialogue": "never", "read_only": "often"},
    "organisation": {"name": "Blue BV", "employees": 300},
}
RED = {
    "goals": ["engagement", "efficiency", "alignment"],
    "usage": {"active_share": 30, "active_frequency": "daily", "passive_share": 80, "passive_frequency": "daily"},
    "purposes": {"ideas": "often", "expertise": "often", "processes": "sometimes", "strategy_dialogue": "sometimes", "read_only": "never"},
}
GREEN = {
    "goals": ["knowledge_sharing"],
    "usage": {"active_share": 12, "active_frequency": "monthly", "passive_frequency": "weekly"},
    "purposes": {"ideas": "sometimes", "expertise": "often", "processes": "often"},
}
TEAMS = {"Blue": BLUE, "Red": RED, "Green": GREEN}
