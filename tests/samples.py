"""Sample answers shared by the tests (a module of its own: several folders have a conftest)."""

EXAMPLE_ANSWERS = {
    "goals": ["alignment", "engagement"],
    "usage": {"active_share": 8, "active_frequency": "weekly", "passive_share": 45, "passive_frequency": "weekly"},
    "purposes": {
        "ideas": "never",
        "expertise": "sometimes",
        "processes": "never",
        "strategy_dialogue": "never",
        "read_only": "often",
    },
    "organisation": {"name": "Example BV", "employees": 1200},
}

